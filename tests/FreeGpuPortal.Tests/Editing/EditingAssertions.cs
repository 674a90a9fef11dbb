using System.Text.Json;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>Reading history and catalog state straight from the database, to check what the editor wrote.</summary>
internal static class EditingAssertions
{
    public static readonly Actor AdminA = new("admin-a-id", "a@example.org");
    public static readonly Actor AdminB = new("admin-b-id", "b@example.org");

    public static async Task<int> HistoryCountAsync(this SqliteCatalog catalog)
    {
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        return await db.CatalogChanges.CountAsync();
    }

    public static async Task<CatalogChange> ChangeAsync(this SqliteCatalog catalog, int changeId)
    {
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        return await db.CatalogChanges.AsNoTracking().Include(c => c.Fields).SingleAsync(c => c.Id == changeId);
    }

    public static async Task<PlatformEditModel> CurrentAsync(this SqliteCatalog catalog, string slug) =>
        await catalog.Editor.GetForEditAsync(slug) ?? throw new InvalidOperationException($"No platform {slug}.");

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, EditJson.Options);

    /// <summary>The whole platform except its stamp, for "nothing else changed" comparisons.</summary>
    public static string ValuesJson(PlatformEditModel model)
    {
        var copy = model.Clone();
        copy.ConcurrencyStamp = Guid.Empty;
        return Json(copy);
    }

    public static T Deserialize<T>(string? json) => JsonSerializer.Deserialize<T>(json!, EditJson.Options)!;
}
