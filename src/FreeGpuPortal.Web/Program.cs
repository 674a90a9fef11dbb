using FreeGpuPortal.Web.Api;
using FreeGpuPortal.Web.Components;
using FreeGpuPortal.Web.Components.Layout;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Hosting;

using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.AddCatalogData();
builder.AddPortalUi();
builder.AddPortalRateLimiting();
builder.AddPortalApi();

var app = builder.Build();

await app.Services.InitializeCatalogAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSerilogRequestLogging();
app.UsePortalLocalization();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.UsePublicPageCaching();
app.UseCors();
app.UseRateLimiter();

app.UseBenchmarkStaticFiles();
app.MapStaticAssets();
app.MapPortalHealthChecks();
app.MapThemeStylesheet();
app.MapPortalApi();
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
