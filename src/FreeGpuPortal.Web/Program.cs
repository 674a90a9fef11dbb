using FreeGpuPortal.Web.Components;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Hosting;
using MudBlazor.Services;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.AddCatalogData();
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddMudServices();
builder.Services.AddSingleton<FreeGpuPortal.Web.Components.Layout.DarkPaletteCss>();
builder.Services.AddRazorComponents();

var app = builder.Build();

await app.Services.InitializeCatalogAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSerilogRequestLogging();
app.UseRequestLocalization(options => options
    .SetDefaultCulture("en")
    .AddSupportedCultures("en")
    .AddSupportedUICultures("en"));
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapPortalHealthChecks();
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
