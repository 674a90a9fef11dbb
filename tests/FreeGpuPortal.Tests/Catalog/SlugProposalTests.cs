using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>The slug a new platform's form proposes from its name: always one the validator accepts, or empty.</summary>
public sealed class SlugProposalTests
{
    [Theory]
    [InlineData("Kaggle", "kaggle")]
    [InlineData("Google Colab", "google-colab")]
    [InlineData("  Lightning AI  Studio ", "lightning-ai-studio")]
    [InlineData("Paperspace Gradient+", "paperspace-gradient")]
    [InlineData("Réseau Café", "reseau-cafe")]
    [InlineData("Vast.ai", "vast-ai")]
    [InlineData("Lambda's Cloud", "lambdas-cloud")]
    [InlineData("AutoDL 算力云", "autodl")]
    [InlineData("算力云", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_name_proposes_a_lowercase_hyphenated_slug(string? name, string slug)
    {
        Assert.Equal(slug, Slugs.FromName(name));
        Assert.True(slug.Length == 0 || PlatformEditValidator.IsSlug(slug));
    }

    [Fact]
    public void A_long_name_is_cut_to_the_slug_limit_without_a_trailing_hyphen()
    {
        var slug = Slugs.FromName(string.Join(" ", Enumerable.Repeat("abcdefghi", 12)));

        Assert.True(slug.Length <= PlatformEditValidator.SlugMaxLength);
        Assert.True(PlatformEditValidator.IsSlug(slug));
    }
}
