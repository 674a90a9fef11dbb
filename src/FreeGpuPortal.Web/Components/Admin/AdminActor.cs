using System.Security.Claims;

using FreeGpuPortal.Web.Auditing;

namespace FreeGpuPortal.Web.Components.Admin;

/// <summary>The signed-in admin as the history records them: the user id claim, and the e-mail (or name) for people.</summary>
public static class AdminActor
{
    public static Actor From(ClaimsPrincipal user)
    {
        var name = user.FindFirst(ClaimTypes.Email)?.Value ?? user.Identity?.Name;
        var id = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? name;
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(id))
        {
            throw new InvalidOperationException("Only a signed-in admin can change the catalog.");
        }

        return new Actor(id, string.IsNullOrEmpty(name) ? id : name);
    }
}
