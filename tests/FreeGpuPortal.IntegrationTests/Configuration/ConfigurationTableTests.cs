using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Hosting;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FreeGpuPortal.IntegrationTests.Configuration;

/// <summary>
/// The README's configuration table against the keys the portal reads: every key the running portal asks for (at
/// start-up, on its pages, in its options classes) is in the table with its default, and every key in the table is
/// one the portal reads — or one of the few the framework reads on the portal's behalf, named here.
/// </summary>
public sealed partial class ConfigurationTableTests
{
    /// <summary>Read only on PostgreSQL: absent from a run on SQLite, read (and so documented) on PostgreSQL.</summary>
    private static readonly string[] PostgreSqlOnlyKeys = ["Database:CatalogVersionPollMilliseconds"];

    /// <summary>Documented because an operator sets them, read by ASP.NET Core or Serilog rather than the portal's code.</summary>
    private static readonly string[] FrameworkKeys =
    [
        "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTPS_PORT",
        "Kestrel:Certificates:Default:Path", "Kestrel:Certificates:Default:Password",
        "Serilog:MinimumLevel:Default", "Serilog:MinimumLevel:Override:*", "Serilog:WriteTo",
    ];

    [Fact]
    public async Task The_readme_table_lists_exactly_the_keys_the_portal_reads()
    {
        var reads = new ConfigurationReads();
        RegisterServicesAsProgramDoes(reads);
        // The recorder is the last of the configuration sources: asked before any other once the app is built.
        await using (var portal = PortalHost.For(PortalHostOptions.Default with { Configuration = configuration => configuration.Add(reads) }))
        {
            var client = portal.CreateClient();
            foreach (var path in new[] { "/", "/platforms/colab", "/status", "/Account/Login", "/api/v1/platforms", "/healthz", "/metrics" })
            {
                using var response = await client.GetAsync(path);
            }

            portal.Services.ValidatePortalOptions();
        }

        // An options class is bound only where its section has values, so its keys come from the class itself.
        var optionsSections = PortalOptionsCheck.OptionsTypes
            .Select(type => (string)type.GetField("Section")!.GetRawConstantValue()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var optionsKeys = PortalOptionsCheck.OptionsTypes.SelectMany(type => type.GetProperties()
            .Where(property => property.CanWrite)
            .Select(property => $"{type.GetField("Section")!.GetRawConstantValue()}:{property.Name}"));
        var read = reads.Keys.Where(key => !optionsSections.Contains(key)).Concat(optionsKeys).Where(key => !key.StartsWith("Serilog:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Serilog:File", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Serilog:Console", StringComparison.OrdinalIgnoreCase))
            .Where(key => key is not ("ConnectionStrings" or "Serilog"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var documented = ReadmeKeys();

        var undocumented = read.Where(key => !documented.Contains(key)).Order().ToList();
        var notRead = documented.Where(key => !read.Contains(key) && !FrameworkKeys.Contains(key)
            && !(PostgreSqlOnlyKeys.Contains(key) && TestDatabase.CurrentProvider == DatabaseProvider.Sqlite)).Order().ToList();
        Assert.True(undocumented.Count == 0 && notRead.Count == 0,
            $"read by the portal, missing from the README's table: {string.Join(", ", undocumented)}\n"
            + $"in the README's table, never read by the portal: {string.Join(", ", notRead)}");
    }

    /// <summary>
    /// The keys read while services are registered, before the test host could add a source: the builder calls of
    /// Program.cs (read from it, so a new one is included), made here on a builder whose configuration records.
    /// </summary>
    private static void RegisterServicesAsProgramDoes(ConfigurationReads reads)
    {
        var program = File.ReadAllText(Path.Combine(FreeGpuPortal.IntegrationTests.Api.RepoPaths.Root, "src", "FreeGpuPortal.Web", "Program.cs"));
        var calls = BuilderCall().Matches(program).Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(calls);
        var dataDirectory = PortalHost.NewDataDirectory();
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory });
        ((IConfigurationBuilder)builder.Configuration).Add(reads);
        var extensions = typeof(PortalOptionsCheck).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .ToList();
        foreach (var call in calls)
        {
            var method = Assert.Single(extensions, method => method.Name == call && method.GetParameters() is [var only]
                && only.ParameterType.IsAssignableFrom(builder.GetType()));
            method.Invoke(null, [builder]);
        }

        // The logger is configured when first asked for (its file settings among others).
        using (var app = builder.Build())
        {
            _ = app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>();
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [GeneratedRegex(@"builder\.(Add\w+)\(\);")]
    private static partial Regex BuilderCall();

    private static HashSet<string> ReadmeKeys()
    {
        var readme = File.ReadAllText(Path.Combine(FreeGpuPortal.IntegrationTests.Api.RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in section.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)))
        {
            var firstCell = row.Split('|')[1];
            foreach (Match key in CodeSpan().Matches(firstCell))
            {
                keys.Add(key.Groups[1].Value);
            }
        }

        return keys;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

}
