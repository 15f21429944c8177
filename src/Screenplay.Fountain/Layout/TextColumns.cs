namespace Screenplay.Fountain.Layout;

/// <summary>How many monospace cells text takes: East Asian wide characters take two, like in a terminal.</summary>
public static class TextColumns
{
    public static int Of(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            n += Of(c);
        }

        return n;
    }

    public static int Of(string text) => Of(text.AsSpan());

    public static int Of(char c) => c switch
    {
        >= '\u1100' and <= '\u115F' => 2,
        >= '\u2E80' and <= '\uA4CF' => 2,
        >= '\uAC00' and <= '\uD7A3' => 2,
        >= '\uD800' and <= '\uDBFF' => 2, // high surrogate: emoji and CJK extensions are wide
        >= '\uDC00' and <= '\uDFFF' => 0, // low surrogate: counted with its high half
        >= '\uF900' and <= '\uFAFF' => 2,
        >= '\uFE30' and <= '\uFE4F' => 2,
        >= '\uFF00' and <= '\uFF60' => 2,
        >= '\uFFE0' and <= '\uFFE6' => 2,
        _ => 1,
    };
}
