using Microsoft.AspNetCore.Routing.Matching;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Every page has an endpoint in both page mappings (static and interactive); this routing policy drops the one that does
/// not serve it, so each request matches exactly one. (Blazor fixes every page endpoint's routing order at 0, so order
/// cannot decide.)
/// </summary>
public sealed class PageMappingPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<PageMapping>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Endpoint.Metadata.GetMetadata<PageMapping>() is { ServesThisPage: false })
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
