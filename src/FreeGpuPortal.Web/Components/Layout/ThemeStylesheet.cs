using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

using MudBlazor;

namespace FreeGpuPortal.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme (light palette, typography, layout variables) plus the dark palette scoped to
/// prefers-color-scheme and the theme toggle, as one stylesheet the browser caches. MudThemeProvider would inline
/// about 12 KB into every page and only for one palette; it is rendered once here with Blazor's HtmlRenderer instead.
/// </summary>
public sealed class ThemeStylesheet(IServiceScopeFactory scopeFactory, ILoggerFactory loggerFactory)
{
    public const string Path = "/theme.css";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Css, string Version)? _built;

    public async ValueTask<(string Css, string Version)> GetAsync()
    {
        if (_built is { } built)
        {
            return built;
        }

        await _lock.WaitAsync();
        try
        {
            if (_built is null)
            {
                var light = StyleContents(await RenderThemeProviderAsync(darkMode: false));
                var dark = ExtractRootVariables(await RenderThemeProviderAsync(darkMode: true));
                var css = $"{light}\n{ScopeDark(dark)}\n";
                var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12];
                _built = (css, version);
            }

            return _built.Value;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<string> RenderThemeProviderAsync(bool darkMode)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = darkMode,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
    }

    /// <summary>The CSS inside every &lt;style&gt; element of the rendered markup.</summary>
    internal static string StyleContents(string html)
    {
        var css = new StringBuilder();
        var position = 0;
        while ((position = html.IndexOf("<style", position, StringComparison.Ordinal)) >= 0)
        {
            var start = html.IndexOf('>', position) + 1;
            var end = html.IndexOf("</style>", start, StringComparison.Ordinal);
            css.AppendLine(html[start..end].Trim());
            position = end;
        }

        return css.ToString();
    }

    internal static string ExtractRootVariables(string html)
    {
        var root = html.IndexOf(":root{", StringComparison.Ordinal);
        if (root < 0)
        {
            throw new InvalidOperationException("MudThemeProvider rendered no :root block.");
        }

        var start = root + ":root{".Length;
        var end = html.IndexOf('}', start);
        return html[start..end].Trim();
    }

    private static string ScopeDark(string variables) =>
        $"@media (prefers-color-scheme: dark){{:root:not([data-theme=light]){{{variables}}}}}\n:root[data-theme=dark]{{{variables}}}";
}
