using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Fdx;

/// <summary>
/// Final Draft paragraph types and how they map to Fountain elements. Final Draft has no printed sections or
/// synopses; its outline elements (<c>Outline 1..4</c>, <c>Outline Body</c>, also not printed) carry them.
/// Acts (<c>New Act</c>, <c>End of Act</c>) print centered, so they come in as centered text; shots and general
/// text come in as action. An unknown type keeps its text as action: nothing is dropped.
/// </summary>
internal static class FdxParagraphTypes
{
    public const string SceneHeading = "Scene Heading";
    public const string Action = "Action";
    public const string Character = "Character";
    public const string Parenthetical = "Parenthetical";
    public const string Dialogue = "Dialogue";
    public const string Transition = "Transition";
    public const string Lyrics = "Lyrics";
    public const string OutlineBody = "Outline Body";
    public const int DeepestOutline = 4;

    public static string ToFdx(Element element) => element.Type switch
    {
        ElementType.SceneHeading => SceneHeading,
        ElementType.Character => Character,
        ElementType.Parenthetical => Parenthetical,
        ElementType.Dialogue => Dialogue,
        ElementType.Transition => Transition,
        ElementType.Lyrics => Lyrics,
        ElementType.Section => "Outline " + Math.Clamp(element.Level, 1, DeepestOutline),
        ElementType.Synopsis => OutlineBody,
        _ => Action,
    };

    /// <summary>The element type for a Final Draft paragraph type, with the section level for outline types.</summary>
    public static (ElementType Type, int Level) FromFdx(string? type, bool centered)
    {
        switch (type)
        {
            case SceneHeading:
                return (ElementType.SceneHeading, 0);
            case Character:
                return (ElementType.Character, 0);
            case Parenthetical:
                return (ElementType.Parenthetical, 0);
            case Dialogue:
                return (ElementType.Dialogue, 0);
            case Transition:
                return (ElementType.Transition, 0);
            case Lyrics:
                return (ElementType.Lyrics, 0);
            case OutlineBody:
                return (ElementType.Synopsis, 0);
            case "New Act" or "End of Act":
                return (ElementType.Centered, 0);
        }

        if (type is not null && type.StartsWith("Outline ", StringComparison.Ordinal)
            && int.TryParse(type.AsSpan("Outline ".Length), out var level) && level >= 1)
        {
            return (ElementType.Section, level);
        }

        return (centered ? ElementType.Centered : ElementType.Action, 0);
    }
}
