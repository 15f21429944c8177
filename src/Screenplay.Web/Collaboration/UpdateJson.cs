using System.Text.Json;
using System.Text.Json.Nodes;
using Screenplay.Fountain.Text;

namespace Screenplay.Web.Collaboration;

/// <summary>The wire form of updates: <c>[{ "clientId": "...", "changes": ChangeSetJson }, ...]</c>.</summary>
public static class UpdateJson
{
    /// <summary>Reads a pushed update array; never throws on bad input.</summary>
    /// <returns>The updates, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static IReadOnlyList<CollabUpdate>? TryParse(JsonElement json, out string? error)
    {
        error = null;
        if (json.ValueKind != JsonValueKind.Array)
        {
            error = "updates must be an array";
            return null;
        }
        var updates = new List<CollabUpdate>(json.GetArrayLength());
        int index = 0;
        foreach (var item in json.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object ||
                !(item.TryGetProperty("clientId", out var clientId) || item.TryGetProperty("clientID", out clientId)) ||
                clientId.ValueKind != JsonValueKind.String ||
                !item.TryGetProperty("changes", out var changes))
            {
                error = $"update {index} must be an object with a string clientId and changes";
                return null;
            }
            try
            {
                updates.Add(new CollabUpdate(clientId.GetString()!, ChangeSet.FromJson(changes)));
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                error = $"update {index}: {e.Message}";
                return null;
            }
            index++;
        }
        return updates;
    }

    /// <summary>Reads a pushed update array from JSON text; never throws on bad input.</summary>
    public static IReadOnlyList<CollabUpdate>? TryParse(string json, out string? error)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return TryParse(doc.RootElement, out error);
        }
        catch (JsonException e)
        {
            error = "malformed JSON: " + e.Message;
            return null;
        }
    }

    /// <summary>The wire form of <paramref name="updates"/>.</summary>
    public static JsonArray ToJson(IEnumerable<CollabUpdate> updates)
    {
        var array = new JsonArray();
        foreach (var update in updates)
            array.Add(new JsonObject { ["clientId"] = update.ClientId, ["changes"] = update.Changes.ToJsonArray() });
        return array;
    }
}
