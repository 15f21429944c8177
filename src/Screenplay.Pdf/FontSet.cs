using System.Collections.Concurrent;
using System.Text;
using Screenplay.Fountain.Syntax;
using SkiaSharp;

namespace Screenplay.Pdf;

/// <summary>
/// Courier Prime in its four styles, loaded once from the assembly's resources, and the machine's fonts for
/// characters it lacks (found by SkiaSharp's font manager: fontconfig on Linux). Typefaces are immutable and safe
/// to share between threads.
/// </summary>
internal sealed class FontSet
{
    private static readonly Lazy<FontSet> LazyShared = new(() => new FontSet(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SKTypeface[] _courier = new SKTypeface[4];
    private readonly ConcurrentDictionary<(int CodePoint, int Style), SKTypeface?> _fallbacks = new();

    private FontSet()
    {
        _courier[0] = Load("Regular");
        _courier[1] = Load("Bold");
        _courier[2] = Load("Italic");
        _courier[3] = Load("BoldItalic");
    }

    public static FontSet Shared => LazyShared.Value;

    public SKTypeface Courier(Emphasis emphasis) => _courier[StyleIndex(emphasis)];

    /// <summary>The typeface to draw <paramref name="rune"/> with: Courier Prime when it has the glyph, else a machine font that has it, else Courier Prime (a box).</summary>
    public SKTypeface For(Rune rune, Emphasis emphasis)
    {
        var courier = Courier(emphasis);
        if (rune.Value < 0x80 || courier.ContainsGlyph(rune.Value))
        {
            return courier;
        }

        var style = StyleIndex(emphasis);
        return _fallbacks.GetOrAdd((rune.Value, style), static key =>
        {
            var fontStyle = key.Style switch
            {
                1 => SKFontStyle.Bold,
                2 => SKFontStyle.Italic,
                3 => SKFontStyle.BoldItalic,
                _ => SKFontStyle.Normal,
            };
            // Prefer a monospaced face (DejaVu Sans Mono, WenQuanYi Micro Hei Mono...) so the fallback keeps the
            // typewriter look; any face that has the character beats a box.
            var manager = SKFontManager.Default;
            return manager.MatchCharacter("monospace", fontStyle, null, key.CodePoint)
                ?? manager.MatchCharacter(null, fontStyle, null, key.CodePoint);
        }) ?? courier;
    }

    private static int StyleIndex(Emphasis emphasis) =>
        (emphasis.HasFlag(Emphasis.Bold) ? 1 : 0) + (emphasis.HasFlag(Emphasis.Italic) ? 2 : 0);

    private static SKTypeface Load(string style)
    {
        var name = $"Screenplay.Pdf.Fonts.CourierPrime-{style}.ttf";
        using var stream = typeof(FontSet).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing: the build did not fetch Courier Prime.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"Embedded font {name} could not be read.");
    }
}
