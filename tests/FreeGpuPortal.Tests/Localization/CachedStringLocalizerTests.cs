using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web;
using FreeGpuPortal.Web.Localization;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Tests.Localization;

/// <summary>
/// The portal's localizer keeps each text once per language; it must answer exactly as the framework's resource
/// manager does, for every name in both languages, with arguments, and for a name the resources lack.
/// </summary>
public sealed class CachedStringLocalizerTests
{
    private static readonly ResourceManagerStringLocalizerFactory Factory = new(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    public static TheoryData<string> Languages => [.. PortalLanguages.All];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_is_the_resource_managers_in_both_languages_asked_twice(string language)
    {
        var reference = Factory.Create(typeof(SharedResource));
        var cached = new CachedStringLocalizer<SharedResource>(Factory);

        InCulture(language, () =>
        {
            var names = reference.GetAllStrings(includeParentCultures: true).Select(s => s.Name).ToList();
            Assert.True(names.Count > 500, $"only {names.Count} texts found");
            foreach (var name in names)
            {
                var expected = reference[name];
                Assert.Equal((expected.Value, expected.ResourceNotFound), (cached[name].Value, cached[name].ResourceNotFound));
            }
        });
    }

    [Fact]
    public void A_language_asked_after_another_gets_its_own_texts_not_the_first_ones()
    {
        var cached = new CachedStringLocalizer<SharedResource>(Factory);

        var english = Cultures.In(PortalLanguages.English, () => cached["Spec.NotStated"].Value);
        var chinese = Cultures.In(PortalLanguages.Chinese, () => cached["Spec.NotStated"].Value);

        Assert.Equal("not stated", english);
        Assert.Equal("未说明", chinese);
    }

    [Fact]
    public void Arguments_are_formatted_in_the_requests_culture_as_the_resource_manager_formats_them()
    {
        var reference = Factory.Create(typeof(SharedResource));
        var cached = new CachedStringLocalizer<SharedResource>(Factory);
        object[] arguments = [3, 12_345.5];

        foreach (var language in PortalLanguages.All)
        {
            var (expected, actual) = Cultures.In(language, () => (reference["Comparison.Count.Some.Other", arguments], cached["Comparison.Count.Some.Other", arguments]));
            Assert.Equal(expected.Value, actual.Value);
            Assert.False(actual.ResourceNotFound);
        }
    }

    [Fact]
    public void A_name_the_resources_lack_comes_back_as_itself_marked_not_found_with_or_without_arguments()
    {
        var cached = new CachedStringLocalizer<SharedResource>(Factory);

        var plain = cached["No.Such.Text"];
        var formatted = cached["No {0} text", "such"];

        Assert.Equal(("No.Such.Text", true), (plain.Value, plain.ResourceNotFound));
        Assert.Equal(("No such text", true), (formatted.Value, formatted.ResourceNotFound));
    }

    [Fact]
    public void The_app_registers_one_shared_localizer_for_all_components()
    {
        using var services = new ServiceCollection().AddLogging().AddPortalLocalization().BuildServiceProvider();

        var first = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var second = services.GetRequiredService<IStringLocalizer<SharedResource>>();

        Assert.IsType<CachedStringLocalizer<SharedResource>>(first);
        Assert.Same(first, second);
    }

    private static void InCulture(string language, Action act) => Cultures.In(language, () =>
    {
        act();
        return 0;
    });
}
