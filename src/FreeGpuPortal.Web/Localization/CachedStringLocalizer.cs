using System.Collections.Concurrent;
using System.Globalization;

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Localization;

/// <summary>
/// The resources of <typeparamref name="TResource"/>, each text read once per language. The framework's
/// <c>IStringLocalizer&lt;T&gt;</c> is transient (every component's <c>@inject</c> builds one through the factory) and
/// its resource manager takes a lock on every lookup; the comparison page makes hundreds of lookups per render, and
/// under load the lookups and the waits on that lock were about a tenth of its render time. This one is a singleton
/// whose texts sit in lock-free dictionaries per culture. It answers exactly as the resource manager does: the
/// request's UI culture picks the text, arguments are formatted in its culture, and a missing name comes back as itself
/// with <see cref="LocalizedString.ResourceNotFound"/> set.
/// </summary>
public sealed class CachedStringLocalizer<TResource>(IStringLocalizerFactory factory) : IStringLocalizer<TResource>
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(TResource));

    // Keyed by the cultures the portal serves (and the invariant culture outside requests), and by names written in
    // code: both are few, so the dictionaries stay small.
    private readonly ConcurrentDictionary<CultureInfo, ConcurrentDictionary<string, LocalizedString>> _texts = new();

    public LocalizedString this[string name] => Lookup(name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = Lookup(name);
            return new LocalizedString(
                name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);

    private LocalizedString Lookup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var texts = _texts.GetOrAdd(CultureInfo.CurrentUICulture, static _ => new ConcurrentDictionary<string, LocalizedString>(StringComparer.Ordinal));
        return texts.GetOrAdd(name, static (key, resources) => resources[key], _resources);
    }
}

public static class PortalLocalizationServices
{
    /// <summary>The shared resources under <c>Resources/</c>, every <c>IStringLocalizer&lt;T&gt;</c> a <see cref="CachedStringLocalizer{TResource}"/>.</summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Replace(ServiceDescriptor.Singleton(typeof(IStringLocalizer<>), typeof(CachedStringLocalizer<>)));
        return services;
    }
}
