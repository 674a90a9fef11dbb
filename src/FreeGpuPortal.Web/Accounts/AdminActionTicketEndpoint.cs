namespace FreeGpuPortal.Web.Accounts;

public static class AdminActionTicketEndpoint
{
    /// <summary>
    /// GET <see cref="AdminAuthority.TicketPath"/>: a one-minute action ticket for the browser's current admin sign-in
    /// (see <see cref="AdminAuthority"/>). Without a valid admin cookie the request never gets here: it is redirected
    /// to the sign-in page or refused.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminActionTicket(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AdminAuthority.TicketPath, (HttpContext context, AdminAuthority authority) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return authority.IssueTicket(context.User) is { } ticket
                    ? Results.Text(ticket, "text/plain")
                    : Results.Forbid();
            })
            .RequireAuthorization(PortalPolicies.Admin)
            .ExcludeFromDescription();
        return endpoints;
    }
}
