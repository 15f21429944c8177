namespace Screenplay.Fountain.Syntax;

/// <summary>The paragraph kinds of Fountain 1.1 that a screenplay prints (plus sections and synopses, which it does not).</summary>
public enum ElementType
{
    SceneHeading,
    Action,
    Character,
    Parenthetical,
    Dialogue,
    Transition,
    Centered,
    Lyrics,
    PageBreak,
    Section,
    Synopsis,
}
