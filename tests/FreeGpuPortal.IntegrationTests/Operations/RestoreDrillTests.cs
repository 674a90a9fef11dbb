using System.Diagnostics;
using System.Net;
using System.Text.Json;

using FreeGpuPortal.IntegrationTests.HardwareReports;
using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Catalog.Transfer;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// The restore drill: a portal with edits, a moderated report and a second admin is backed up by the real command
/// line while it serves requests, restored by the command line into a new data directory, and started there: the
/// catalog export, the history, the reports and the accounts are identical, and the second admin signs in.
/// </summary>
/// <remarks>SQLite only: PostgreSQL keeps its own files and is backed up with pg_dump.</remarks>
[Trait("Database", "SqliteOnly")]
public sealed class RestoreDrillTests
{
    private static readonly string[] LoadPaths = ["/", "/?gpu=t4&sort=name", "/platforms/colab", "/api/v1/platforms", "/api/v1/platforms.csv", "/compare?p=colab&p=kaggle", "/healthz"];

    [Fact]
    public async Task A_backup_taken_under_load_restores_into_a_new_data_directory_with_everything_identical()
    {
        var sourceDirectory = OperationsPortal.NewDirectory("drill-source");
        var targetDirectory = OperationsPortal.NewDirectory("drill-target");
        var work = OperationsPortal.NewDirectory("drill-files");
        var backupFile = Path.Combine(work, "portal-backup.zip");
        string expected;
        await using (var source = OperationsPortal.Create(sourceDirectory))
        {
            var admin = await source.CreateAdminAsync("admin@example.org");
            await source.CreateAdminAsync("second@example.org");
            var editor = source.Services.GetRequiredService<CatalogEditor>();
            var colab = (await editor.GetForEditAsync("colab"))!;
            colab.IdleTimeoutMinutes.Min = 40;
            colab.IdleTimeoutMinutes.Max = 40;
            var evidence = new ChangeEvidence { EvidenceUrl = "https://research.google.com/colaboratory/faq.html", Note = "Restore drill edit." };
            Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(colab, evidence, new Actor(admin.Id, admin.Email!))));
            var kaggle = (await editor.GetForEditAsync("kaggle"))!;
            Assert.IsType<EditResult.Success>(await editor.VerifyAsync(kaggle.Id, kaggle.ConcurrencyStamp, new Actor(admin.Id, admin.Email!), new ChangeEvidence { EvidenceUrl = "https://www.kaggle.com/docs/notebooks" }));
            // Saved, then redirected to the thank-you page (post, redirect, get).
            Assert.Equal(HttpStatusCode.Found, (await ReportForms.CheckAndSaveAsync(source.NewClient(), "colab", Pastes.ColabT4)).StatusCode);
            var moderation = source.Services.GetRequiredService<ReportModeration>();
            var pending = Assert.Single(await moderation.PendingAsync());
            Assert.IsType<ModerationResult.Done>(await moderation.ApproveAsync(pending.Report.Id, new Actor(admin.Id, admin.Email!)));

            // Back up through the command line, from another process, while this one serves a bounded load.
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 3).Select(worker => LoadAsync(source.NewClient(), worker, stop.Token)).ToList();
            await Task.Delay(300);
            var create = await RunPortalAsync(sourceDirectory, "backup", "create", "--output", backupFile);
            await stop.CancelAsync();
            var served = await Task.WhenAll(load);

            Assert.True(create.ExitCode == 0, create.Output);
            Assert.Contains("Backup written to", create.Output, StringComparison.Ordinal);
            Assert.True(served.Sum() > 0, "no request was served during the backup");
            expected = await StateAsync(source);
        }

        var restore = await RunPortalAsync(targetDirectory, "backup", "restore", "--input", backupFile);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Contains("The schema matches this version of the portal.", restore.Output, StringComparison.Ordinal);

        await using (var restored = OperationsPortal.Create(targetDirectory))
        {
            Assert.Equal(expected, await StateAsync(restored));
            var second = await restored.SignedInClientAsync("second@example.org");
            Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/admin")).StatusCode);
            Assert.Contains("<tr data-platform=\"colab\"", await restored.NewClient().GetStringAsync("/"), StringComparison.Ordinal);
        }

        foreach (var directory in new[] { sourceDirectory, targetDirectory, work })
        {
            PortalHost.DeleteDataDirectory(directory);
        }
    }

    /// <summary>Requests in a loop until stopped (at most 2,000); every answer must be below 500.</summary>
    private static async Task<int> LoadAsync(HttpClient client, int worker, CancellationToken stop)
    {
        var served = 0;
        for (var i = 0; i < 2_000 && !stop.IsCancellationRequested; i++)
        {
            using var response = await client.GetAsync(LoadPaths[(i + worker) % LoadPaths.Length], CancellationToken.None);
            Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
            served++;
        }

        return served;
    }

    /// <summary>Everything a restore must bring back, as one JSON text: catalog export, history, reports, accounts.</summary>
    private static async Task<string> StateAsync(PortalHost portal)
    {
        var export = await portal.Services.GetRequiredService<CatalogTransfer>().ExportAsync();
        await using var catalog = await portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        await using var accounts = await portal.Services.GetRequiredService<IDbContextFactory<AccountsDbContext>>().CreateDbContextAsync();
        var state = new
        {
            Catalog = export with { ExportedAtUtc = default },
            History = await catalog.CatalogChanges.AsNoTracking().Include(c => c.Fields).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.PlatformId, c.Kind, c.ActorUserId, c.AtUtc, c.EvidenceUrl, c.Note, Fields = c.Fields.OrderBy(f => f.Id).Select(f => new { f.Field, f.OldJson, f.NewJson }).ToList() })
                .ToListAsync(),
            Reports = await catalog.SubmittedReports.AsNoTracking().OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.PlatformId, r.Status, r.GpuName, r.ParsedJson, r.SubmittedAtUtc })
                .ToListAsync(),
            Users = await accounts.Users.AsNoTracking().OrderBy(u => u.Email)
                .Select(u => new { u.Id, u.Email, u.PasswordHash, u.SecurityStamp, u.TwoFactorEnabled })
                .ToListAsync(),
            Roles = await accounts.UserRoles.AsNoTracking().OrderBy(r => r.UserId).Select(r => new { r.UserId, r.RoleId }).ToListAsync(),
        };
        var text = JsonSerializer.Serialize(state);
        Assert.Contains("Restore drill edit.", text, StringComparison.Ordinal);
        Assert.Contains("second@example.org", text, StringComparison.Ordinal);
        return text;
    }

    private sealed record CommandResult(int ExitCode, string Output);

    /// <summary>The portal's own executable, as an operator runs it, on the given data directory.</summary>
    private static async Task<CommandResult> RunPortalAsync(string dataDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FreeGpuPortal.Web.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Storage__DataDirectory"] = dataDirectory;
        info.Environment["Serilog__File__Enabled"] = "false";
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new CommandResult(process.ExitCode, await output + await error);
    }
}
