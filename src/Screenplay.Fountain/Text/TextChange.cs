namespace Screenplay.Fountain.Text;

/// <summary>One replacement in a text: <see cref="RemovedLength"/> UTF-16 units at <see cref="Offset"/> give way to <see cref="Inserted"/>.</summary>
public readonly record struct TextChange(int Offset, int RemovedLength, string Inserted)
{
    public string ApplyTo(string text) =>
        string.Concat(text.AsSpan(0, Offset), Inserted, text.AsSpan(Offset + RemovedLength));
}
