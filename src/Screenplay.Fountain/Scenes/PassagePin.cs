using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Scenes;

/// <summary>
/// A passage a note is pinned to: a non-empty range of the text, mapped through every accepted change. Text typed at
/// either edge stays outside it; text typed inside grows it.
/// </summary>
public readonly record struct PassagePin(int From, int To)
{
    /// <summary>
    /// The passage after <paramref name="change"/>, or null when every character of it was deleted or replaced (the
    /// note then stays on its scene without a passage).
    /// </summary>
    public PassagePin? Map(ChangeDesc change)
    {
        ArgumentNullException.ThrowIfNull(change);
        int from = From, to = To;
        var survives = false;
        change.IterGaps((a, _, length) => survives |= a < to && a + length > from);
        if (!survives) return null;
        var newFrom = change.MapPos(from, 1);
        var newTo = change.MapPos(to, -1);
        return newTo > newFrom ? new PassagePin(newFrom, newTo) : null;
    }
}
