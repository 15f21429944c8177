using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Screenplay.Web.Accounts;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// The live-editing hub at <c>/hubs/script</c> (protocol: docs/collaboration.md). It holds no state: each call checks
/// the caller's role through <see cref="HubAccess"/> and hands the work to the script's <see cref="DocumentSession"/>.
/// Strangers and missing scripts get the same "not found"; a refused push gets <c>accepted: false</c> and an error,
/// and changes nothing.
/// </summary>
[Authorize]
internal sealed partial class ScriptHub(ScriptSessions sessions, ScriptPresence presence, HubAccess access,
    Microsoft.Extensions.Options.IOptions<CollaborationOptions> options, ILogger<ScriptHub> logger) : Hub
{
    public const string Path = "/hubs/script";
    public const string UpdatesEvent = "Updates";
    public const string PresenceEvent = "Presence";
    public const string PresenceLeftEvent = "PresenceLeft";
    public const string PresenceHelloEvent = "PresenceHello";
    private const int MaxClientIdLength = 64;

    public static string GroupName(Guid scriptId) => "script:" + scriptId.ToString("N");

    private string? UserId => ScriptAccess.UserId(Context.User!);

    public async Task<OpenResult> Open(Guid scriptId, string clientId)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > MaxClientIdLength)
            throw Refuse(scriptId, $"a client id must have 1 to {MaxClientIdLength} characters");
        var grant = await RequireAsync(scriptId, ScriptAction.Read);

        // Join the group before reading the text, so no update can fall between the two; the client skips
        // updates it already has.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(scriptId));
        var snapshot = await UseSessionAsync(scriptId, s => Task.FromResult(s.GetSnapshot()));

        var name = Context.User!.FindFirst(AccountsSetup.DisplayNameClaim)?.Value ?? "Someone";
        var me = new PresenceMessage(scriptId, clientId, grant.UserId, name, ScriptPresence.ColourOf(grant.UserId), snapshot.Version, null, null);
        presence.Join(Context.ConnectionId, me);
        var others = Clients.OthersInGroup(GroupName(scriptId));
        await others.SendAsync(PresenceEvent, me);
        // The list below covers this instance only; with Redis the group spans every instance, so the hello reaches
        // everyone and each editor answers with its cursor (docs/collaboration.md, "Presence").
        await others.SendAsync(PresenceHelloEvent, new PresenceHelloMessage(scriptId, clientId));
        return new OpenResult(snapshot.Version, snapshot.Text, grant.Role.ToString().ToLowerInvariant(), presence.In(scriptId, clientId),
            (int)Math.Clamp(options.Value.PresenceHeartbeat.TotalMilliseconds, 100, int.MaxValue));
    }

    public async Task<PushResult> Push(Guid scriptId, int version, JsonElement updates)
    {
        var check = await access.CheckAsync(scriptId, UserId, ScriptAction.Edit);
        if (check.Outcome == AccessOutcome.NotFound) throw Refuse(scriptId, "not found");
        if (!check.Allowed)
        {
            var error = $"your role on this script ({check.Grant!.Role.ToString().ToLowerInvariant()}) cannot edit it";
            LogRefused(scriptId, Context.ConnectionId, error);
            return new PushResult(false, await UseSessionAsync(scriptId, s => Task.FromResult(s.Version)), error);
        }
        // No cancellation when the caller goes away: the push is queued and will be logged, and a reconnecting
        // client finds it in the stream.
        return await UseSessionAsync(scriptId, s => s.PushAsync(version, updates, check.Grant!.UserId));
    }

    public async Task<PullAnswer> Pull(Guid scriptId, int version)
    {
        await RequireAsync(scriptId, ScriptAction.Read);
        var pulled = await UseSessionAsync(scriptId, s => s.PullAsync(version));
        if (pulled.Error is not null) LogRefused(scriptId, Context.ConnectionId, pulled.Error);
        return new PullAnswer(pulled.Version, UpdateJson.ToJson(pulled.Updates), pulled.Error);
    }

    public async Task MoveCursor(Guid scriptId, int version, int? anchor, int? head)
    {
        await RequireAsync(scriptId, ScriptAction.Read);
        if (version < 0 || anchor < 0 || head < 0) throw Refuse(scriptId, "cursor positions and versions cannot be negative");
        if (presence.Move(Context.ConnectionId, scriptId, version, anchor, head) is { } moved)
        {
            await Clients.OthersInGroup(GroupName(scriptId)).SendAsync(PresenceEvent, moved);
        }
    }

    public async Task Close(Guid scriptId)
    {
        await RequireAsync(scriptId, ScriptAction.Read);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(scriptId));
        if (presence.Leave(Context.ConnectionId, scriptId) is { } left)
        {
            await Clients.Group(GroupName(scriptId)).SendAsync(PresenceLeftEvent, left);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var left in presence.LeaveAll(Context.ConnectionId))
        {
            await Clients.Group(GroupName(left.ScriptId)).SendAsync(PresenceLeftEvent, left);
        }
        await base.OnDisconnectedAsync(exception);
    }

    private async Task<ScriptGrant> RequireAsync(Guid scriptId, ScriptAction action)
    {
        var check = await access.CheckAsync(scriptId, UserId, action);
        // Strangers and missing scripts look the same; a member too weak for this call is told so.
        if (check.Outcome == AccessOutcome.NotFound) throw Refuse(scriptId, "not found");
        if (!check.Allowed) throw Refuse(scriptId, $"your role on this script cannot {action.ToString().ToLowerInvariant()} it");
        return check.Grant!;
    }

    private async Task<T> UseSessionAsync<T>(Guid scriptId, Func<DocumentSession, Task<T>> action)
    {
        try
        {
            return await sessions.UseAsync(scriptId, action);
        }
        catch (ScriptGoneException)
        {
            throw Refuse(scriptId, "not found");
        }
    }

    private HubException Refuse(Guid scriptId, string reason)
    {
        LogRefused(scriptId, Context.ConnectionId, reason);
        return new HubException(reason == "not found" ? "Script not found." : char.ToUpperInvariant(reason[0]) + reason[1..] + ".");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Script {ScriptId}: refused a call from connection {ConnectionId}: {Reason}")]
    private partial void LogRefused(Guid scriptId, string connectionId, string reason);
}
