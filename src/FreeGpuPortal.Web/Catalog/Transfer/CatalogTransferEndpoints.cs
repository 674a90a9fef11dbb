using FreeGpuPortal.Web.Accounts;

namespace FreeGpuPortal.Web.Catalog.Transfer;

public static class CatalogTransferEndpoints
{
    public const string ExportPath = "/admin/catalog/export.json";

    public static IEndpointRouteBuilder MapCatalogTransfer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, async (CatalogTransfer transfer, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var file = await transfer.ExportAsync(cancellationToken);
                var name = $"free-gpu-catalog-{clock.GetUtcNow():yyyy-MM-dd}.json";
                return TypedResults.File(
                    System.Text.Encoding.UTF8.GetBytes(CatalogTransfer.Serialize(file)), "application/json; charset=utf-8", name);
            })
            .RequireAuthorization(PortalPolicies.Admin)
            .ExcludeFromDescription();
        return endpoints;
    }
}
