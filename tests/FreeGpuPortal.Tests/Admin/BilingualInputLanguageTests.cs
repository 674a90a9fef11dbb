using Bunit;

using FreeGpuPortal.Web.Components.Pages.Admin;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>
/// The platform form edits each text in English and Chinese side by side: every Chinese input says lang="zh-CN" and
/// its English twin lang="en" on the input element itself (where screen readers and input methods look), through
/// MudBlazor's attribute pass-through. Fields that are in no language (names, addresses, numbers) say nothing.
/// </summary>
public sealed class BilingualInputLanguageTests : AdminComponentTest
{
    private IRenderedComponent<PlatformEditPage> RenderEdit()
    {
        var page = Render<PlatformEditPage>(parameters => parameters.Add(p => p.Slug, "colab"));
        page.WaitForElement("[data-testid=platform-form]", Wait);
        return page;
    }

    [Theory]
    [InlineData("f-Summary", "f-SummaryZh", "textarea")]
    [InlineData("f-GpuAvailabilityNote", "f-GpuAvailabilityNoteZh", "textarea")]
    [InlineData("f-RamGb-Note", "f-RamGb-NoteZh", "input")]
    [InlineData("f-Gpus-0-Note", "f-Gpus-0-NoteZh", "input")]
    [InlineData("f-Pros-0", "f-ProsZh-0", "textarea")]
    [InlineData("f-Sources-0-Title", "f-Sources-0-TitleZh", "input")]
    public void The_English_and_the_Chinese_input_of_a_text_say_their_language(string englishId, string chineseId, string element)
    {
        var page = RenderEdit();

        var english = page.Find("#" + englishId);
        var chinese = page.Find("#" + chineseId);

        Assert.Equal(element, english.LocalName);
        Assert.Equal(element, chinese.LocalName);
        Assert.Equal("en", english.GetAttribute("lang"));
        Assert.Equal("zh-CN", chinese.GetAttribute("lang"));
    }

    [Fact]
    public void Every_Chinese_input_of_the_form_is_marked_and_neutral_fields_are_not()
    {
        var page = RenderEdit();

        var chineseInputs = page.FindAll("input[id*='Zh'], textarea[id*='Zh']");
        Assert.True(chineseInputs.Count >= 10, $"only {chineseInputs.Count} Chinese inputs found");
        Assert.All(chineseInputs, input => Assert.Equal("zh-CN", input.GetAttribute("lang")));
        Assert.Null(page.Find("#f-Name").GetAttribute("lang"));
        Assert.Null(page.Find("#f-Slug").GetAttribute("lang"));
        Assert.Null(page.Find("#f-Website").GetAttribute("lang"));
    }
}
