using System.Globalization;

using Bunit;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Components.Admin;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>The note beside a field another admin changed names the field as the form labels it, in the page's language.</summary>
public sealed class ConflictChoiceTests : PortalComponentTest
{
    private IRenderedComponent<ConflictChoice> RenderIn(string culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var field = new ConflictField(PlatformField.Find("IdleTimeoutMinutes")!, "30", "31", "30 min", "31 min", ConflictKind.Both);
            return Render<ConflictChoice>(p => p.Add(c => c.Field, field));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void A_chinese_page_names_the_changed_field_in_chinese()
    {
        var choice = RenderIn("zh-CN");

        Assert.Contains("空闲超时（分钟）", choice.Find("strong").TextContent, StringComparison.Ordinal);
        Assert.Contains("空闲超时（分钟）", choice.Find("[role=group]").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_english_page_names_it_by_the_forms_english_label()
    {
        var choice = RenderIn("en");

        Assert.Equal("Idle timeout (min) was changed by another admin.", choice.Find("strong").TextContent);
    }
}
