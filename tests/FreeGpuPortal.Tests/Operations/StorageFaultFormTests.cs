using Bunit;

using FreeGpuPortal.Tests.Admin;
using FreeGpuPortal.Web.Components.Pages.Admin;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Operations;

/// <summary>
/// The edit form when the database refuses the write: SQLite's <c>query_only</c> makes the connection read-only, as a
/// read-only file does. The admin sees why, nothing is saved, every input stays, and the same form saves once the
/// database takes writes again.
/// </summary>
public sealed class StorageFaultFormTests : AdminComponentTest
{
    private const string IdleMin = "f-IdleTimeoutMinutes-Min";
    private const string IdleMax = "f-IdleTimeoutMinutes-Max";
    private const string EvidenceUrl = "f-Evidence-EvidenceUrl";
    private const string Evidence = "https://research.google.com/colaboratory/faq.html";

    private async Task SetReadOnlyAsync(bool readOnly)
    {
        await using var command = Catalog.Connection.CreateCommand();
        command.CommandText = $"PRAGMA query_only = {(readOnly ? 1 : 0)}";
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_save_refused_by_a_read_only_database_says_so_keeps_every_input_and_saves_later()
    {
        var before = await HistoryOfAsync("colab");
        var page = Render<PlatformEditPage>(parameters => parameters.Add(p => p.Slug, "colab"));
        page.WaitForElement("[data-testid=platform-form]", Wait);
        Enter(page, IdleMax, "45");
        Enter(page, IdleMin, "45");
        Enter(page, EvidenceUrl, Evidence);
        await SetReadOnlyAsync(true);

        page.Find("[data-testid=save]").Click();

        var message = page.WaitForElement("[data-testid=form-message]", Wait);
        Assert.Contains("read-only", message.TextContent, StringComparison.Ordinal);
        Assert.Contains("inputs are kept", message.TextContent, StringComparison.Ordinal);
        Assert.Equal("45", page.Find($"#{IdleMin}").GetAttribute("value"));
        Assert.Equal("45", page.Find($"#{IdleMax}").GetAttribute("value"));
        Assert.Equal(Evidence, page.Find($"#{EvidenceUrl}").GetAttribute("value"));
        Assert.Equal(before.Count, (await HistoryOfAsync("colab")).Count);
        Assert.Equal(30, (await Catalog.Editor.GetForEditAsync("colab"))!.IdleTimeoutMinutes.Min);

        await SetReadOnlyAsync(false);
        page.Find("[data-testid=save]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/admin/platforms/colab/history?saved=", navigation.Uri), Wait);
        Assert.Equal(before.Count + 1, (await HistoryOfAsync("colab")).Count);
        Assert.Equal(45, (await Catalog.Editor.GetForEditAsync("colab"))!.IdleTimeoutMinutes.Min);
    }
}
