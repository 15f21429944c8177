namespace Screenplay.Web.Notes;

/// <summary>A person on the script who can be mentioned.</summary>
internal sealed record MentionablePerson(string UserId, string DisplayName, string? Email);

/// <summary>
/// Finds <c>@name</c> mentions of the script's people in a note body: <c>@</c> followed by a person's display name
/// (case-insensitive; spaces as written, or left out: <c>@Demo Director</c>, <c>@DemoDirector</c>) or the part of
/// their email before the <c>@</c> (<c>@director</c>), ending at a character that cannot continue a name. The longest
/// name wins, so "@Ann Lee" is Ann Lee even when an "Ann" is on the script too. An address like
/// <c>someone@example.com</c> is not a mention: the <c>@</c> must start the text or follow a non-word character.
/// </summary>
internal static class NoteMentions
{
    public static IReadOnlyList<string> Find(string body, IReadOnlyList<MentionablePerson> people)
    {
        var names = new List<(string Name, string UserId)>();
        foreach (var person in people)
        {
            var display = person.DisplayName.Trim();
            if (display.Length > 0)
            {
                names.Add((display, person.UserId));
                var joined = string.Concat(display.Where(c => !char.IsWhiteSpace(c)));
                if (joined != display) names.Add((joined, person.UserId));
            }

            var at = person.Email?.IndexOf('@') ?? -1;
            if (at > 0) names.Add((person.Email![..at], person.UserId));
        }

        names.Sort((a, b) => b.Name.Length.CompareTo(a.Name.Length));
        var found = new List<string>();
        for (var i = body.IndexOf('@'); i >= 0; i = body.IndexOf('@', i + 1))
        {
            if (i > 0 && IsNameChar(body[i - 1])) continue;
            foreach (var (name, userId) in names)
            {
                var end = i + 1 + name.Length;
                if (end > body.Length || string.Compare(body, i + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
                if (end < body.Length && IsNameChar(body[end])) continue;
                if (!found.Contains(userId)) found.Add(userId);
                break;
            }
        }

        return found;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
