using System.Reflection;

using FreeGpuPortal.Web.Components;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace FreeGpuPortal.Web.Hosting;

public static class PortalPagesExtensions
{
    /// <summary>
    /// The Razor component pages, mapped twice: once with no interactive render mode and once with interactive server
    /// rendering. While an interactive mode is configured for a page's endpoint, Blazor persists component state for
    /// it, and with it an antiforgery token, cookie and "no-store", which would make the public pages uncacheable.
    /// Every page is served by exactly one of the two mappings: a page that declares a render mode (the admin area) by
    /// the interactive one, every other page by the static one; <see cref="PageMappingPolicy"/> drops the other
    /// mapping's endpoint for the same route. Only public API: see docs/decisions/0003-cacheable-public-pages.md.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder MapPortalPages(this WebApplication app)
    {
        var staticPages = app.MapRazorComponents<App>();
        staticPages.Add(endpoint =>
        {
            if (IsPage(endpoint))
            {
                endpoint.Metadata.Add(new PageMapping(ServesThisPage: !IsInteractivePage(endpoint)));
            }
        });

        var interactivePages = app.MapRazorComponents<InteractiveApp>().AddInteractiveServerRenderMode();
        interactivePages.Add(endpoint =>
        {
            if (IsPage(endpoint))
            {
                endpoint.Metadata.Add(new PageMapping(ServesThisPage: IsInteractivePage(endpoint)));
            }
        });

        app.MapAdditionalIdentityEndpoints();
        return staticPages;
    }

    private static bool IsPage(EndpointBuilder endpoint) => endpoint.Metadata.OfType<ComponentTypeMetadata>().Any();

    private static bool IsInteractivePage(EndpointBuilder endpoint) =>
        endpoint.Metadata.OfType<ComponentTypeMetadata>().FirstOrDefault()?.Type is { } page
        && page.GetCustomAttribute<RenderModeAttribute>(inherit: true) is not null;
}
