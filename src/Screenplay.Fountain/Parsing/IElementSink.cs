using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Parsing;

/// <summary>Where the paragraph classifier puts the elements it makes, in document order.</summary>
internal interface IElementSink
{
    void Add(Element element);
}
