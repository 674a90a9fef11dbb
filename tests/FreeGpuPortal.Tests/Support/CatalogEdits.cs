using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Tests.Support;

/// <summary>Edits through the real editor, as an admin's form would: open, change, save with evidence.</summary>
public static class CatalogEdits
{
    public static readonly Actor TestAdmin = new("test-admin-id", "admin@example.org");

    /// <summary>Opens the platform's form, applies <paramref name="edit"/> and saves it; fails the test unless saved.</summary>
    public static async Task<EditResult.Success> EditAsync(
        this CatalogEditor editor, string slug, Action<PlatformEditModel> edit, string note = "Changed by a test.", Actor? actor = null)
    {
        var model = await editor.GetForEditAsync(slug) ?? throw new InvalidOperationException($"No platform {slug}.");
        edit(model);
        var result = await editor.UpdateAsync(new PlatformChangeRequest(model, new ChangeEvidence { Note = note }, actor ?? TestAdmin));
        return result as EditResult.Success ?? throw new InvalidOperationException($"The edit of {slug} was not saved: {result}");
    }

    /// <summary>Synchronous form of <see cref="EditAsync"/>, for bUnit tests.</summary>
    public static EditResult.Success Edit(this CatalogEditor editor, string slug, Action<PlatformEditModel> edit) =>
        editor.EditAsync(slug, edit).GetAwaiter().GetResult();
}
