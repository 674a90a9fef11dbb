using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Api;
using FreeGpuPortal.Web.Backups;
using FreeGpuPortal.Web.Catalog.Transfer;
using FreeGpuPortal.Web.Components.Account;
using FreeGpuPortal.Web.Components.Layout;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Discovery;
using FreeGpuPortal.Web.Feeds;
using FreeGpuPortal.Web.HardwareReports;
using FreeGpuPortal.Web.Hosting;
using FreeGpuPortal.Web.LinkChecking;
using FreeGpuPortal.Web.Localization;
using FreeGpuPortal.Web.Operations;
using FreeGpuPortal.Web.Suggestions;

using Serilog;

// A start-up the operator can fix (a bad setting, an unusable database or data directory) ends with one log line and
// a documented exit code (docs/operations.md); anything else is a bug and keeps its stack trace.
try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddPortalLogging();
    builder.AddReverseProxySupport();
    builder.AddCatalogData();
    builder.AddPortalUi();
    builder.AddPortalRateLimiting();
    builder.AddPortalApi();
    builder.AddPortalAccounts();
    builder.AddAccountPages();
    builder.AddHardwareReports();
    builder.AddSuggestions();
    builder.AddPortalOperations();
    builder.AddPortalBackups();
    builder.AddLinkChecking();
    builder.AddDiscovery();

    var app = builder.Build();
    app.Services.ValidatePortalOptions();

    // Before start-up touches the database: a restore must find it as the backup left it.
    if (BackupCommand.IsInvocation(args))
    {
        return await BackupCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
    }

    await app.Services.InitializeCatalogAsync();
    await app.Services.MigrateAccountsAsync();
    if (AdminCommand.IsInvocation(args))
    {
        return await AdminCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
    }

    app.UseReverseProxySupport();
    app.UseLanguagePrefix();
    app.UsePortalLocalization();
    app.UsePortalMetrics();
    app.UseSecurityHeaders();
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseHsts();
    }

    app.UseSerilogRequestLogging();
    app.UseHttpsForForms();
    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    app.UseAuthentication();
    app.UseSecurityLogContext();
    app.UseAccessDeniedPage();
    app.UseAuthorization();
    app.UseAntiforgery();
    app.UseCanonicalSlugs();
    app.UsePublicPageCaching();
    app.UseCors();
    app.UseRateLimiter();
    app.UseSignInThrottle();

    app.UseBenchmarkStaticFiles();
    app.MapStaticAssets();
    app.MapPortalHealthChecks();
    app.MapThemeStylesheet();
    app.MapPortalApi();
    app.MapCatalogTransfer();
    app.MapPortalBackups();
    app.MapChangeFeeds();
    app.MapDiscovery();
    app.MapAdminActionTicket();
    app.MapPortalPages();

    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (StartupRefusals.Recognize(exception) is { } refusal)
{
    return StartupRefusals.Report(refusal, Console.Error);
}

public partial class Program;
