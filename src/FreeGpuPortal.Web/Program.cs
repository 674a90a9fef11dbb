using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Api;
using FreeGpuPortal.Web.Catalog.Transfer;
using FreeGpuPortal.Web.Components.Layout;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.HardwareReports;
using FreeGpuPortal.Web.Hosting;

using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.AddReverseProxySupport();
builder.AddCatalogData();
builder.AddPortalUi();
builder.AddPortalRateLimiting();
builder.AddPortalApi();
builder.AddPortalAccounts();
builder.AddHardwareReports();

var app = builder.Build();

await app.Services.InitializeCatalogAsync();
await app.Services.MigrateAccountsAsync();
if (AdminCommand.IsInvocation(args))
{
    return await AdminCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
}

app.UseReverseProxySupport();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSerilogRequestLogging();
app.UseHttpsForForms();
app.UsePortalLocalization();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseSecurityLogContext();
app.UseAccessDeniedPage();
app.UseAuthorization();
app.UseAntiforgery();
app.UsePublicPageCaching();
app.UseCors();
app.UseRateLimiter();

app.UseBenchmarkStaticFiles();
app.MapStaticAssets();
app.MapPortalHealthChecks();
app.MapThemeStylesheet();
app.MapPortalApi();
app.MapCatalogTransfer();
app.MapPortalPages();

await app.RunAsync();
return 0;

public partial class Program;
