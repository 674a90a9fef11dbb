using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

using MudBlazor;

namespace FreeGpuPortal.Web.Components.Layout;

/// <summary>
/// The dark palette's CSS variables, scoped so the statically rendered pages follow prefers-color-scheme and the
/// theme toggle without a circuit. MudThemeProvider only writes the palette it renders with, so the dark variant is
/// rendered once with Blazor's HtmlRenderer and its :root block re-scoped.
/// </summary>
public sealed class DarkPaletteCss(IServiceScopeFactory scopeFactory, ILoggerFactory loggerFactory)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _css;

    public async ValueTask<string> GetAsync()
    {
        if (_css is not null)
        {
            return _css;
        }

        await _lock.WaitAsync();
        try
        {
            return _css ??= Scope(ExtractRootVariables(await RenderDarkThemeProviderAsync()));
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<string> RenderDarkThemeProviderAsync()
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = true,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
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

    private static string Scope(string variables) =>
        $"@media (prefers-color-scheme: dark){{:root:not([data-theme=light]){{{variables}}}}}\n:root[data-theme=dark]{{{variables}}}";
}
