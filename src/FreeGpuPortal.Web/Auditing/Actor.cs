namespace FreeGpuPortal.Web.Auditing;

/// <summary>Who makes a change: the signed-in admin (user id and e-mail), or the system for seeding.</summary>
public sealed record Actor(string UserId, string DisplayName)
{
    public static Actor System { get; } = new("system", "system");
}
