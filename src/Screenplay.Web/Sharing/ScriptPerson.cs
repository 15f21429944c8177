using Screenplay.Web.Data;

namespace Screenplay.Web.Sharing;

/// <summary>Someone with a role on a script, as the share dialog lists them.</summary>
public sealed record ScriptPerson(string UserId, string Name, string Email, ScriptRole Role);
