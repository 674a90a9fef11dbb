namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>
/// The source URLs a platform cites: each spec value's, each GPU option's and feature statement's, and the platform's
/// own source list. Not its website, which is not a citation.
/// </summary>
public static class CitedUrls
{
    public static IEnumerable<string> Of(PlatformEditModel model)
    {
        IEnumerable<string?> urls =
        [
            .. Specs.All.Select(s => s.OnEditModel(model).SourceUrl),
            .. model.Gpus.Select(g => g.SourceUrl),
            .. model.Features.Select(f => f.SourceUrl),
            .. model.Sources.Select(s => s.Url),
        ];
        return urls.OfType<string>().Where(u => u.Length > 0).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Replaces <paramref name="oldUrl"/> with <paramref name="newUrl"/> wherever the model cites it; returns how many places.</summary>
    public static int Replace(PlatformEditModel model, string oldUrl, string newUrl)
    {
        var count = 0;
        string? Swap(string? url)
        {
            if (string.Equals(url, oldUrl, StringComparison.Ordinal))
            {
                count++;
                return newUrl;
            }

            return url;
        }

        foreach (var spec in Specs.All.Select(s => s.OnEditModel(model)))
        {
            spec.SourceUrl = Swap(spec.SourceUrl);
        }

        foreach (var gpu in model.Gpus)
        {
            gpu.SourceUrl = Swap(gpu.SourceUrl);
        }

        foreach (var feature in model.Features)
        {
            feature.SourceUrl = Swap(feature.SourceUrl);
        }

        foreach (var source in model.Sources)
        {
            source.Url = Swap(source.Url) ?? source.Url;
        }

        return count;
    }
}
