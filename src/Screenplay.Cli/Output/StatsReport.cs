using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Screenplay.Fountain.Statistics;

namespace Screenplay.Cli.Output;

/// <summary>The statistics as a short report for people, or as JSON with snake_case keys for tools.</summary>
internal static class StatsReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Text(ScriptStatistics stats)
    {
        var b = new StringBuilder();
        b.Append(Invariant, $"Pages:     {stats.Pages}\n");
        b.Append(Invariant, $"Scenes:    {stats.Scenes}\n");
        b.Append(Invariant, $"Runtime:   about {(int)stats.EstimatedRuntime.TotalMinutes} min (one page per minute)\n");
        b.Append(Invariant, $"Setting:   INT {stats.Settings.Interior}, EXT {stats.Settings.Exterior}, INT/EXT {stats.Settings.Both}, unspecified {stats.Settings.Unspecified}\n");
        b.Append(Invariant, $"Time:      DAY {stats.TimesOfDay.Day}, NIGHT {stats.TimesOfDay.Night}, other {stats.TimesOfDay.Other}\n");
        if (stats.Characters.Length > 0)
        {
            var width = Math.Max(9, stats.Characters.Max(c => c.Name.Length));
            b.Append('\n').Append("Character".PadRight(width)).Append("  speeches  lines  words  line share  word share\n");
            foreach (var c in stats.Characters)
            {
                b.Append(c.Name.PadRight(width))
                    .Append(Invariant, $"  {c.Speeches,8}  {c.Lines,5}  {c.Words,5}  {c.LineShare,10:P0}  {c.WordShare,10:P0}\n");
            }
        }

        if (stats.Locations.Length > 0)
        {
            var width = Math.Max(8, stats.Locations.Max(l => l.Location.Length));
            b.Append('\n').Append("Location".PadRight(width)).Append("  scenes\n");
            foreach (var l in stats.Locations)
            {
                b.Append(l.Location.PadRight(width)).Append(Invariant, $"  {l.Scenes,6}\n");
            }
        }

        return b.ToString();
    }

    public static string Json(ScriptStatistics stats)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("pages", stats.Pages);
            json.WriteNumber("scenes", stats.Scenes);
            json.WriteNumber("estimated_runtime_minutes", (int)stats.EstimatedRuntime.TotalMinutes);
            json.WriteStartArray("characters");
            foreach (var c in stats.Characters)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Name);
                json.WriteNumber("speeches", c.Speeches);
                json.WriteNumber("lines", c.Lines);
                json.WriteNumber("words", c.Words);
                json.WriteNumber("line_share", Math.Round(c.LineShare, 4));
                json.WriteNumber("word_share", Math.Round(c.WordShare, 4));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("locations");
            foreach (var l in stats.Locations)
            {
                json.WriteStartObject();
                json.WriteString("location", l.Location);
                json.WriteNumber("scenes", l.Scenes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("settings");
            json.WriteNumber("int", stats.Settings.Interior);
            json.WriteNumber("ext", stats.Settings.Exterior);
            json.WriteNumber("int_ext", stats.Settings.Both);
            json.WriteNumber("unspecified", stats.Settings.Unspecified);
            json.WriteEndObject();
            json.WriteStartObject("times_of_day");
            json.WriteNumber("day", stats.TimesOfDay.Day);
            json.WriteNumber("night", stats.TimesOfDay.Night);
            json.WriteNumber("other", stats.TimesOfDay.Other);
            json.WriteStartObject("by_name");
            foreach (var t in stats.TimesOfDay.ByName)
            {
                json.WriteNumber(t.TimeOfDay, t.Scenes);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
