namespace Screenplay.Fountain.Text;

/// <summary>How <see cref="ChangeDesc.MapPos(int, int, MapMode)"/> treats a position whose context was deleted.</summary>
public enum MapMode
{
    /// <summary>Always map to a valid position, even when the context was deleted.</summary>
    Simple,
    /// <summary>Report <c>null</c> when a deletion spans across the position.</summary>
    TrackDel,
    /// <summary>Report <c>null</c> when the character before the position is deleted.</summary>
    TrackBefore,
    /// <summary>Report <c>null</c> when the character after the position is deleted.</summary>
    TrackAfter,
}
