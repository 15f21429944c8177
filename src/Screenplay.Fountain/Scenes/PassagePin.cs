using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Scenes;

/// <summary>
/// A passage a note is pinned to: a range of the text, mapped through every accepted change. Text typed at either
/// edge stays outside it; text typed inside grows it.
/// </summary>
public readonly record struct PassagePin(int From, int To)
{
    /// <summary>
    /// The passage after <paramref name="change"/>, or null when all of it was deleted (the note then stays on its
    /// scene without a passage).
    /// </summary>
    public PassagePin? Map(ChangeDesc change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var from = change.MapPos(From, 1);
        var to = change.MapPos(To, -1);
        return to > from ? new PassagePin(from, to) : null;
    }
}
