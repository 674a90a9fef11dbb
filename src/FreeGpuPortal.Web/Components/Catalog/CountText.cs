using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Catalog;

public static class CountText
{
    /// <summary>"1 platform" / "3 platforms". English needs two forms; a language with more adds its own keys.</summary>
    public static string Platforms(int count, IStringLocalizer l) =>
        count == 1 ? l["Count.Platforms.One"] : l["Count.Platforms.Other", count];
}
