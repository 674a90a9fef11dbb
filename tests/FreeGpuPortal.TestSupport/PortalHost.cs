using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FreeGpuPortal.Testing;

/// <summary>
/// The one test host of every test project: the real app (Program), migrated and seeded at start-up exactly as in
/// production, in a fresh data directory of its own (or a given one, as after a restart), on the test run's database
/// (SQLite, or PostgreSQL with PORTAL_TEST_DATABASE — see <see cref="TestDatabase"/>), in the given environment and
/// with the given settings. Subclasses add settings through <see cref="Settings"/> and services by overriding
/// <see cref="ConfigureWebHost"/> (calling the base first).
/// </summary>
public class PortalHost : WebApplicationFactory<Program>
{
    private readonly bool _ownsDataDirectory;

    public PortalHost()
        : this(new PortalHostOptions())
    {
    }

    protected PortalHost(PortalHostOptions options)
    {
        Options = options;
        _ownsDataDirectory = options.DataDirectory is null;
        DataDirectory = options.DataDirectory ?? NewDataDirectory();
        Database = TestDatabase.For(options.Provider ?? TestDatabase.CurrentProvider, DataDirectory);
        if (options.BaseAddress is { } baseAddress)
        {
            ClientOptions.BaseAddress = baseAddress;
        }
    }

    public PortalHostOptions Options { get; }

    public string DataDirectory { get; }

    public TestDatabase Database { get; }

    public string EnvironmentName => Options.Environment;

    /// <summary>Settings of a subclass, applied after the defaults and the options' settings.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "freegpuportal-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Options.Environment);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Serilog:File:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Tests never reach the sites the catalog cites; link checks run only where a test starts them.
        builder.UseSetting("LinkCheck:Schedule", "off");
        foreach (var (key, value) in Database.Settings().Concat(Options.Settings).Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_ownsDataDirectory)
        {
            return;
        }

        await Database.DropAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Never created (the host did not start), or a file still held open on a slow machine: the OS temp
            // cleaner gets it later.
        }
    }
}
