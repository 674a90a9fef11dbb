using System.Text.Encodings.Web;
using System.Text.Unicode;

using FreeGpuPortal.Web.Components.Admin;
using FreeGpuPortal.Web.Components.Layout;
using FreeGpuPortal.Web.Localization;

using Microsoft.Extensions.DependencyInjection.Extensions;

using MudBlazor.Services;

namespace FreeGpuPortal.Web.Hosting;

public static class PortalUiExtensions
{
    public const string DefaultCulture = PortalLanguages.English;

    public static IHostApplicationBuilder AddPortalUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPortalLocalization();
        // Write "8–16 GB" and "×" as characters, not as numeric entities: smaller pages, readable source.
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddMudServices();
        builder.Services.AddTransient<MudBlazor.MudLocalizer, PortalMudLocalizer>();
        builder.Services.AddScoped<AdminSession>();
        builder.Services.AddSingleton<ThemeStylesheet>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, PageMappingPolicy>());
        builder.AddPublicPageCaching();
        return builder;
    }

    /// <summary>
    /// English and Simplified Chinese. A page's language is its address (<c>/zh-CN/…</c>), the API's its <c>lang</c>
    /// parameter or Accept-Language: see <see cref="PortalRequestCultureProvider"/>.
    /// </summary>
    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture(DefaultCulture)
                .AddSupportedCultures([.. PortalLanguages.All])
                .AddSupportedUICultures([.. PortalLanguages.All]);
            options.RequestCultureProviders = [new PortalRequestCultureProvider()];
        });
}
