using System.Reflection;

using FreeGpuPortal.Web.Components;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace FreeGpuPortal.Web.Hosting;

public static class PortalPagesExtensions
{
    /// <summary>
    /// The Razor component pages. Interactive server rendering is configured for the pages that declare a render
    /// mode (the admin area) and only for them: while interactive modes are configured for a page, Blazor issues an
    /// antiforgery token, cookie and "no-store" with it, which would make the public pages uncacheable.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder MapPortalPages(this WebApplication app)
    {
        var pages = app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        pages.Add(endpoint =>
        {
            var page = endpoint.Metadata.OfType<ComponentTypeMetadata>().FirstOrDefault()?.Type;
            if (page is not null && page.GetCustomAttribute<RenderModeAttribute>(inherit: true) is null)
            {
                // Blazor's ConfiguredRenderModesMetadata is internal; an instance listing no render modes tells it this
                // page persists no state and needs no token. (Without the metadata at all it would assume every mode.)
                // The integration test of the public pages' headers guards this.
                for (var i = 0; i < endpoint.Metadata.Count; i++)
                {
                    if (endpoint.Metadata[i].GetType() is { Name: "ConfiguredRenderModesMetadata" } type)
                    {
                        endpoint.Metadata[i] = Activator.CreateInstance(type, [Array.Empty<IComponentRenderMode>()])!;
                    }
                }
            }
        });
        app.MapAdditionalIdentityEndpoints();
        return pages;
    }
}
