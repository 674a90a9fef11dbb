using FreeGpuPortal.Web;
using FreeGpuPortal.Web.Localization;

using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Tests.Support;

/// <summary>
/// The app's shared resources as the app reads them (the same factory and resources path as its registration), for
/// plain classes that take a localizer. Each message comes in the test thread's current UI culture.
/// </summary>
public static class PortalLocalizer
{
    public static IStringLocalizer<SharedResource> Shared { get; } = new CachedStringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));
}
