namespace Screenplay.Fountain.Fdx;

/// <summary>The input is not a Final Draft script: malformed XML, another kind of document, or no script content.
/// The message is one line, fit to show a user as it is.</summary>
public sealed class FdxFormatException : Exception
{
    public FdxFormatException(string message)
        : base(message)
    {
    }

    public FdxFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
