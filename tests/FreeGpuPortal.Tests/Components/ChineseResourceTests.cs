using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web;
using FreeGpuPortal.Web.Components.Catalog;
using FreeGpuPortal.Web.Localization;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Tests.Components;

/// <summary>
/// The Simplified Chinese resources are complete: the same keys as the English ones, the same placeholders, and every
/// value actually translated — not a copy of the English, and not left in Latin letters beyond product names, units
/// and codes.
/// </summary>
public sealed partial class ChineseResourceTests
{
    /// <summary>Keys whose Chinese is rightly the same as the English: a product name, a unit, a bare placeholder.</summary>
    private static readonly HashSet<string> s_sameInBothLanguages = new(StringComparer.Ordinal)
    {
        "App.Name", "Column.Cpu", "Column.Gpu", "Unit.Gigabytes", "Feed.NoValue", "NoResults.Filter.Feature",
        "Admin.Form.ListItem", "Feed.Entry.Platform", "Links.Outcome.HttpError", "Report.Value.MiB",
    };

    /// <summary>Latin words a Chinese text keeps as they are: product names, units, commands, codes and settings.</summary>
    private static readonly string[] s_keptWords =
    [
        "FreeGpuPortal", "Google Colab", "Paperspace Gradient", "Kaggle", "Colab", "Gradient", "Google Authenticator",
        "Microsoft Authenticator", "Aegis", "X-Forwarded-Proto", "OpenAPI", "Atom", "nvidia-smi", "lscpu", "cat /proc/meminfo",
        "/proc/meminfo", "MemTotal", "LinkCheck:Schedule", "Backup:Schedule", "backup create", "http(s)", "slug",
        "HTTPS", "HTTP", "TLS", "URL", "UTC", "JSON", "CSV", "API", "GPU", "CPU", "CUDA", "Cookie", "KiB", "MiB", "GB", "MB", "KB",
    ];

    private static Dictionary<string, string> Resources(string file) =>
        XDocument.Load(Path.Combine(RepositoryPaths.WebProject, "Resources", file))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static Dictionary<string, string> English => Resources("SharedResource.resx");

    private static Dictionary<string, string> Chinese => Resources("SharedResource.zh-CN.resx");

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    [Fact]
    public void Both_languages_have_exactly_the_same_keys()
    {
        var english = English.Keys.ToHashSet();
        var chinese = Chinese.Keys.ToHashSet();

        Assert.True(english.Count > 500, $"only {english.Count} English keys");
        Assert.Empty(english.Except(chinese).Order());
        Assert.Empty(chinese.Except(english).Order());
    }

    [Fact]
    public void Every_Chinese_value_has_the_placeholders_of_its_English_value()
    {
        var chinese = Chinese;
        var wrong = English
            .Where(e => chinese.TryGetValue(e.Key, out var zh)
                && !Placeholders(e.Value).SetEquals(Placeholders(zh)))
            .Select(e => $"{e.Key}: '{e.Value}' / '{chinese[e.Key]}'")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void No_Chinese_value_is_left_in_English()
    {
        var english = English;
        var untranslated = Chinese
            .Where(c => !s_sameInBothLanguages.Contains(c.Key))
            .Where(c => c.Value == english.GetValueOrDefault(c.Key) || (!Cjk().IsMatch(c.Value) && Latin().IsMatch(WithoutKeptWords(c.Value))))
            .Select(c => $"{c.Key}: '{c.Value}'")
            .ToList();

        Assert.True(untranslated.Count == 0, "Not translated:\n" + string.Join("\n", untranslated));
    }

    [Fact]
    public void The_checks_catch_an_English_value()
    {
        Assert.Matches(Latin(), WithoutKeptWords("Idle timeout (min)"));
        Assert.DoesNotMatch(Cjk(), "Idle timeout (min)");
        Assert.DoesNotMatch(Latin(), WithoutKeptWords("{0} GB（MemTotal {1} KiB）"));
    }

    [Fact]
    public void The_localizer_answers_in_Chinese_for_zh_CN_with_dates_and_counts_formatted_for_it()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddPortalLocalization()
            .BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

            Assert.Equal("未说明", localizer["Spec.NotStated"].Value);
            Assert.Equal("缺点", localizer["Platform.Cons"].Value);
            Assert.Equal(English.Count, localizer.GetAllStrings(includeParentCultures: false).Count());
            Assert.Equal("2026年12月1日", SpecText.Date(new DateOnly(2026, 12, 1)));
            Assert.Equal("1 个平台", CountText.Platforms(1, localizer));
            Assert.Equal("3 个平台", CountText.Platforms(3, localizer));

            var mud = new PortalMudLocalizer(localizer);
            Assert.Equal("关闭", mud["MudDialog_Close"].Value);
            Assert.False(mud["MudDialog_Close"].ResourceNotFound);

            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("not stated", localizer["Spec.NotStated"].Value);
            Assert.True(mud["MudDialog_Close"].ResourceNotFound, "in English MudBlazor keeps its own texts");
            Assert.Equal("1 Dec 2026", SpecText.Date(new DateOnly(2026, 12, 1)));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    private static HashSet<string> Placeholders(string value) =>
        Placeholder().Matches(value).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string WithoutKeptWords(string value)
    {
        var text = Placeholder().Replace(value, " ");
        foreach (var word in s_keptWords)
        {
            text = text.Replace(word, " ", StringComparison.Ordinal);
        }

        return text;
    }
}
