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

    /// <summary>How long a circuit waits for a tab that has sent nothing, not even a keep-alive.</summary>
    public static readonly TimeSpan BusyTabAllowance = TimeSpan.FromMinutes(2);

    public static IHostApplicationBuilder AddPortalUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPortalLocalization();
        // Write "8–16 GB" and "×" as characters, not as numeric entities: smaller pages, readable source.
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddMudServices();
        builder.Services.AddTransient<MudBlazor.MudLocalizer, PortalMudLocalizer>();
        builder.Services.AddScoped<AdminSession>();
        builder.Services.AddSingleton<ThemeStylesheet>();
        // A tab busy laying out a pasted catalog file of megabytes, on a slow phone or a loaded machine, sends no
        // keep-alive for tens of seconds; at the default 30 s the server ends its circuit with an error and the page
        // reconnects to a circuit that lost its JavaScript references. Two minutes waits for such a tab.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.ClientTimeoutInterval = BusyTabAllowance);
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
