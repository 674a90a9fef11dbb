using System.Collections.Concurrent;
using System.Diagnostics;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace FreeGpuPortal.IntegrationTests.Configuration;

/// <summary>
/// A configuration source that holds no values and records every key the portal's own code asks for: each lookup of a
/// value and each listing of a section's children, when the nearest caller outside the configuration and options
/// libraries is the portal (its code, or the options binder running for one of its options classes). Keys the
/// framework reads for itself (Kestrel, hosting, logging) are not the portal's to document and are left out.
/// </summary>
public sealed class ConfigurationReads : IConfigurationSource, IConfigurationProvider
{
    private static readonly string PortalAssembly = typeof(FreeGpuPortal.Web.Data.DataDirectory).Assembly.GetName().Name!;
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Keys => [.. _keys.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public bool TryGet(string key, out string? value)
    {
        Record(key);
        value = null;
        return false;
    }

    public IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
    {
        if (parentPath is not null)
        {
            Record(parentPath);
        }

        return earlierKeys;
    }

    public void Set(string key, string? value)
    {
    }

    public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);

    public void Load()
    {
    }

    private void Record(string key)
    {
        foreach (var frame in new StackTrace().GetFrames())
        {
            var assembly = frame.GetMethod()?.DeclaringType?.Assembly.GetName().Name;
            if (assembly is null || assembly == typeof(ConfigurationReads).Assembly.GetName().Name
                || assembly.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal)
                || assembly.StartsWith("Microsoft.Extensions.Options", StringComparison.Ordinal)
                || assembly.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal)
                || assembly.StartsWith("System.", StringComparison.Ordinal) || assembly == "System")
            {
                continue;
            }

            if (assembly == PortalAssembly)
            {
                _keys.TryAdd(key, 0);
            }

            return;
        }
    }
}
