using MudBlazor;

namespace FreeGpuPortal.Web.Components.Layout;

/// <summary>
/// MudBlazor's default palettes with the colours that carry text darkened (light) or lightened (dark) until they meet
/// WCAG AA contrast, as the accessibility scans in the browser tests check. The static pages use the same variables
/// (theme.css) and app.css draws their buttons, fields and headings after MudBlazor's, so the whole site is one look.
/// </summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4a3bc4",
            AppbarBackground = "#4a3bc4",
            Warning = "#9a4f00",
            Info = "#0d5fb3",
            Success = "#1b7a36",
            Error = "#b3261e",
            TextSecondary = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#b0a6ff",
            PrimaryContrastText = "#17112e",
            AppbarBackground = "#1f1f29",
            TextSecondary = "rgba(255,255,255,0.78)",
            Warning = "#ffb74d",
            Info = "#82c4ff",
            Success = "#7ee2a0",
            Error = "#ffb4ab",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
            // Buttons in sentence case, as the links beside them and the buttons of the static pages.
            Button = new ButtonTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
                TextTransform = "none",
                FontWeight = "600",
                LetterSpacing = "normal",
            },
        },
    };
}
