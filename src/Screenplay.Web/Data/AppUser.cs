using Microsoft.AspNetCore.Identity;

namespace Screenplay.Web.Data;

/// <summary>A person who logs in. The display name is what collaborators, watermarks and presence show.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
