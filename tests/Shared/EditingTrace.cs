using System.IO.Compression;
using System.Text.Json;
using Screenplay.Fountain.Text;

namespace Screenplay.Traces;

/// <summary>
/// A recorded editing trace from josephg/editing-traces (tests/data/traces, CC BY 4.0). Sequential traces list
/// transactions in typing order; concurrent ones also say which agent typed each transaction and on top of which
/// earlier transactions (<see cref="Transaction.Parents"/>). Patch positions count code points; the traces we ship
/// are ASCII, so they equal UTF-16 offsets.
/// </summary>
internal sealed class EditingTrace
{
    public required string StartContent { get; init; }
    public required string EndContent { get; init; }
    public required int NumAgents { get; init; }
    public required IReadOnlyList<Transaction> Transactions { get; init; }

    /// <summary>One patch: delete <see cref="Deleted"/> characters at <see cref="Position"/>, then insert <see cref="Inserted"/> there.</summary>
    public readonly record struct Patch(int Position, int Deleted, string Inserted);

    public sealed record Transaction(int Agent, int[] Parents, Patch[] Patches);

    /// <summary>The directory holding the traces, found by walking up from the test binaries to the repository.</summary>
    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "data", "traces");
                if (System.IO.Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("tests/data/traces not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// Applies every patch of a sequential trace, in order, as the server applies pushed changes: one
    /// <see cref="ChangeSet"/> per patch, applied to the document's <see cref="TextBuffer"/>. Returns the final text.
    /// </summary>
    public string ReplayThroughChangeSets()
    {
        var doc = new TextBuffer(StartContent);
        foreach (var txn in Transactions)
        {
            foreach (var patch in txn.Patches)
            {
                var change = ChangeSet.Of(patch.Position, patch.Position + patch.Deleted, patch.Inserted, doc.Length);
                change.ApplyTo(doc);
            }
        }
        return doc.ToString();
    }

    public static EditingTrace Load(string name)
    {
        using var file = File.OpenRead(Path.Combine(Directory, name + ".json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(gzip);
        var root = doc.RootElement;
        var transactions = new List<Transaction>();
        foreach (var txn in root.GetProperty("txns").EnumerateArray())
        {
            int agent = txn.TryGetProperty("agent", out var a) ? a.GetInt32() : 0;
            int[] parents = txn.TryGetProperty("parents", out var p) ? p.EnumerateArray().Select(e => e.GetInt32()).ToArray() : [];
            var patches = txn.GetProperty("patches").EnumerateArray()
                .Select(e => new Patch(e[0].GetInt32(), e[1].GetInt32(), e[2].GetString()!))
                .ToArray();
            transactions.Add(new Transaction(agent, parents, patches));
        }
        return new EditingTrace
        {
            StartContent = root.TryGetProperty("startContent", out var start) ? start.GetString()! : "",
            EndContent = root.GetProperty("endContent").GetString()!,
            NumAgents = root.TryGetProperty("numAgents", out var n) ? n.GetInt32() : 1,
            Transactions = transactions,
        };
    }
}
