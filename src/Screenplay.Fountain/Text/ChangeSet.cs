using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Screenplay.Fountain.Text;

/// <summary>
/// A set of replacements for a document of exactly <see cref="ChangeDesc.Length"/> UTF-16 units: a port of
/// CodeMirror's <c>ChangeSet</c>, with the same JSON, the same mapping of concurrent changes and the same
/// composition, so a change made in the browser means the same thing on the server.
/// </summary>
/// <remarks>
/// Like CodeMirror, inserted text keeps lines joined by <c>\n</c>; <see cref="Of"/> turns <c>\r\n</c> and <c>\r</c>
/// in inserted text into <c>\n</c>, as the editor does, so documents never hold other line breaks.
/// </remarks>
public sealed class ChangeSet : ChangeDesc
{
    // Inserted text per section index (shorter than the section count when trailing sections insert nothing).
    private readonly string[] inserted;

    private ChangeSet(int[] sections, string[] inserted) : base(sections)
    {
        this.inserted = inserted;
    }

    internal static ChangeSet CreateSet(int[] sections, string[] inserted) => new(sections, inserted);

    internal string[] InsertedArray => inserted;

    /// <summary>The description of this change, without its text.</summary>
    public ChangeDesc Desc => Create(SectionArray);

    /// <summary>Each replaced range in the original document's coordinates, in order; adjacent replacements are joined.</summary>
    public IEnumerable<TextChange> Changes
    {
        get
        {
            var changes = new List<TextChange>();
            IterChangesCore((fromA, toA, _, _, text) => changes.Add(new TextChange(fromA, toA - fromA, text)), individual: false);
            return changes;
        }
    }

    /// <summary>
    /// Calls <paramref name="change"/> (fromA, toA, fromB, toB, inserted) for each replaced range: in the old document,
    /// in the new one, and the text put there. Adjacent changes are reported as one unless <paramref name="individual"/>.
    /// </summary>
    public void IterChanges(Action<int, int, int, int, string> change, bool individual = false) =>
        IterChangesCore(change, individual);

    /// <summary>A change that leaves a document of <paramref name="length"/> units as it is.</summary>
    public static new ChangeSet Empty(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new ChangeSet(length != 0 ? [length, -1] : [], []);
    }

    /// <summary>
    /// The change set for <paramref name="changes"/>, all given in the coordinates of the original document of
    /// <paramref name="length"/> units. Changes may come in any order; overlapping ones are combined the way
    /// CodeMirror does (each later one mapped over the earlier ones).
    /// </summary>
    /// <exception cref="ArgumentException">A change's range does not fit the document.</exception>
    public static ChangeSet Of(IEnumerable<TextChange> changes, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var sections = new List<int>();
        var insertedText = new List<string>();
        int pos = 0;
        ChangeSet? total = null;

        void Flush(bool force)
        {
            if (!force && sections.Count == 0) return;
            if (pos < length) Sections.Add(sections, length - pos, -1);
            var set = new ChangeSet(sections.ToArray(), insertedText.ToArray());
            total = total is null ? set : total.Compose(set.Map(total));
            sections.Clear();
            insertedText.Clear();
            pos = 0;
        }

        foreach (var change in changes)
        {
            int from = change.Offset, to = change.Offset + change.RemovedLength;
            if (from > to || from < 0 || to > length)
                throw new ArgumentException($"Invalid change range {from} to {to} (in a document of length {length}).", nameof(changes));
            string text = NormalizeLineBreaks(change.Inserted ?? "");
            if (from == to && text.Length == 0) continue;
            if (from < pos) Flush(force: false);
            if (from > pos) Sections.Add(sections, from - pos, -1);
            Sections.Add(sections, to - from, text.Length);
            Sections.AddInsert(insertedText, sections, text);
            pos = to;
        }
        Flush(force: total is null);
        return total!;
    }

    /// <summary>The single replacement <paramref name="from"/>..<paramref name="to"/> → <paramref name="insert"/>.</summary>
    /// <exception cref="ArgumentException">The range does not fit the document.</exception>
    public static ChangeSet Of(int from, int to, string insert, int length)
    {
        // The common case of one keystroke, without the general path's bookkeeping.
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (from > to || from < 0 || to > length)
            throw new ArgumentException($"Invalid change range {from} to {to} (in a document of length {length}).", nameof(from));
        string text = NormalizeLineBreaks(insert ?? "");
        if (from == to && text.Length == 0) return Empty(length);
        var sections = new List<int>(6);
        Sections.Add(sections, from, -1);
        Sections.Add(sections, to - from, text.Length);
        var inserted = new List<string>(1);
        Sections.AddInsert(inserted, sections, text);
        Sections.Add(sections, length - to, -1);
        return new ChangeSet(sections.ToArray(), inserted.ToArray());
    }

    private static string NormalizeLineBreaks(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    /// <summary>The document <paramref name="doc"/> with these changes applied.</summary>
    /// <exception cref="ArgumentException">The document's length is not <see cref="ChangeDesc.Length"/>.</exception>
    public string Apply(string doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (doc.Length != Length)
            throw new ArgumentException($"Applying a change set of length {Length} to a document of length {doc.Length}.", nameof(doc));
        var sections = SectionArray;
        var result = new StringBuilder(NewLength);
        for (int i = 0, pos = 0; i < sections.Length; i += 2)
        {
            int len = sections[i], ins = sections[i + 1];
            if (ins < 0) result.Append(doc, pos, len);
            else if (ins > 0) result.Append(inserted[i >> 1]);
            pos += len;
        }
        return result.ToString();
    }

    /// <summary>Applies these changes to <paramref name="doc"/> in place.</summary>
    /// <exception cref="ArgumentException">The document's length is not <see cref="ChangeDesc.Length"/>.</exception>
    public void ApplyTo(TextBuffer doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (doc.Length != Length)
            throw new ArgumentException($"Applying a change set of length {Length} to a document of length {doc.Length}.", nameof(doc));
        var sections = SectionArray;
        for (int i = 0, posB = 0; i < sections.Length; i += 2)
        {
            int len = sections[i], ins = sections[i + 1];
            if (ins < 0)
            {
                posB += len;
            }
            else
            {
                doc.Replace(posB, posB + len, ins > 0 ? inserted[i >> 1] : "");
                posB += ins;
            }
        }
    }

    /// <summary>
    /// The change that takes the document produced by this one back to <paramref name="doc"/>, the document this
    /// one was applied to.
    /// </summary>
    public ChangeSet Invert(string doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (doc.Length != Length)
            throw new ArgumentException($"Inverting a change set of length {Length} against a document of length {doc.Length}.", nameof(doc));
        var sections = (int[])SectionArray.Clone();
        var insertedText = new List<string>();
        for (int i = 0, pos = 0; i < sections.Length; i += 2)
        {
            int len = sections[i], ins = sections[i + 1];
            if (ins >= 0)
            {
                sections[i] = ins;
                sections[i + 1] = len;
                int index = i >> 1;
                while (insertedText.Count < index) insertedText.Add("");
                insertedText.Add(len != 0 ? doc.Substring(pos, len) : "");
            }
            pos += len;
        }
        return new ChangeSet(sections, insertedText.ToArray());
    }

    /// <summary>
    /// This change followed by <paramref name="other"/>, which must start in the document this one produces.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths do not line up.</exception>
    public ChangeSet Compose(ChangeSet other) =>
        IsEmpty ? other : other.IsEmpty ? this : (ChangeSet)ChangeAlgebra.Compose(this, other, makeSet: true);

    /// <summary>
    /// This change moved over <paramref name="other"/> (both start in the same document) so it applies after it.
    /// For changes A and B, <c>A.Compose(B.Map(A))</c> and <c>B.Compose(A.Map(B, true))</c> give the same document:
    /// <paramref name="before"/> decides whose insertion goes first when both insert at one position.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths do not match.</exception>
    public ChangeSet Map(ChangeDesc other, bool before = false) =>
        other.IsEmpty ? this : (ChangeSet)ChangeAlgebra.Map(this, other, before, makeSet: true);

    public override ChangeDesc MapDesc(ChangeDesc other, bool before = false) =>
        ChangeAlgebra.Map(this, other, before, makeSet: true);

    /// <summary>The JSON of CodeMirror's <c>ChangeSet.toJSON()</c>, e.g. <c>[3,[1,"a","b"],2]</c>.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the JSON of CodeMirror's <c>ChangeSet.toJSON()</c>.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        var sections = SectionArray;
        writer.WriteStartArray();
        for (int i = 0; i < sections.Length; i += 2)
        {
            int len = sections[i], ins = sections[i + 1];
            if (ins < 0)
            {
                writer.WriteNumberValue(len);
                continue;
            }
            writer.WriteStartArray();
            writer.WriteNumberValue(len);
            if (ins > 0)
            {
                foreach (var line in inserted[i >> 1].Split('\n')) writer.WriteStringValue(line);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    /// <summary>The JSON of CodeMirror's <c>ChangeSet.toJSON()</c> as a node, for embedding in larger messages.</summary>
    public JsonArray ToJsonArray()
    {
        var sections = SectionArray;
        var array = new JsonArray();
        for (int i = 0; i < sections.Length; i += 2)
        {
            int len = sections[i], ins = sections[i + 1];
            if (ins < 0)
            {
                array.Add(len);
                continue;
            }
            var part = new JsonArray { len };
            if (ins > 0)
            {
                foreach (var line in inserted[i >> 1].Split('\n')) part.Add(line);
            }
            array.Add(part);
        }
        return array;
    }

    /// <summary>Reads CodeMirror's <c>ChangeSet.toJSON()</c> form.</summary>
    /// <exception cref="FormatException">The JSON is not a change set (also for negative or non-integer lengths).</exception>
    public static ChangeSet FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            return FromJson(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException("Invalid JSON representation of ChangeSet: " + e.Message, e);
        }
    }

    /// <inheritdoc cref="FromJson(string)"/>
    public static ChangeSet FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Array) throw Invalid("expected an array");
        var sections = new List<int>();
        var insertedText = new List<string>();
        int i = 0;
        foreach (var part in json.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Number)
            {
                sections.Add(ReadLength(part));
                sections.Add(-1);
            }
            else if (part.ValueKind != JsonValueKind.Array || part.GetArrayLength() == 0)
            {
                throw Invalid("each entry must be a number or an array starting with a number");
            }
            else
            {
                int len = -1;
                var lines = new List<string>();
                foreach (var element in part.EnumerateArray())
                {
                    if (len < 0) len = element.ValueKind == JsonValueKind.Number ? ReadLength(element) : throw Invalid("a replacement must start with a number");
                    else lines.Add(element.ValueKind == JsonValueKind.String ? ReadLine(element) : throw Invalid("inserted lines must be strings"));
                }
                string text = string.Join('\n', lines);
                if (text.Length > 0)
                {
                    while (insertedText.Count < i) insertedText.Add("");
                    insertedText.Add(text);
                }
                sections.Add(len);
                sections.Add(text.Length);
            }
            i++;
        }
        try
        {
            return new ChangeSet(sections.ToArray(), insertedText.ToArray());
        }
        catch (OverflowException)
        {
            throw Invalid("the lengths are too large");
        }
    }

    private static int ReadLength(JsonElement element) =>
        element.TryGetInt32(out int value) && value >= 0 ? value : throw Invalid($"{element.GetRawText()} is not a length");

    private static string ReadLine(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("Invalid JSON representation of ChangeSet: an inserted line is not valid text.", e);
        }
    }

    private static FormatException Invalid(string why) => new("Invalid JSON representation of ChangeSet: " + why + ".");
}
