using System.Net;

using FreeGpuPortal.Web.Data;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Testing;

/// <summary>
/// How a <see cref="PortalHost"/> runs the app. The named configurations below are the few every test project shares;
/// a test that needs one more setting derives it with <see cref="WithSettings"/> or <c>with</c>, not with a subclass.
/// </summary>
public sealed record PortalHostOptions
{
    /// <summary>The client address of every request when <see cref="ClientAddress"/> is set by a named configuration.</summary>
    public const string TestClientIp = "203.0.113.7";

    /// <summary>The app with its own defaults in Development, on a fresh data directory and the test run's database.</summary>
    public static PortalHostOptions Default { get; } = new();

    /// <summary>
    /// The rate limits lifted (sign-in, API, the report parser, report and suggestion saves): for tests that make many
    /// requests from one address. Each limit has tests of its own, on a host that sets it low.
    /// </summary>
    public static PortalHostOptions Lenient { get; } = Default.WithSettings(new Dictionary<string, string>
    {
        ["RateLimits:SignIn:PermitPerMinute"] = "10000",
        ["RateLimits:Api:PermitPerMinute"] = "100000",
        ["RateLimits:HardwareReportParse:PermitPerMinute"] = "100000",
        ["RateLimits:ReportSubmit:Permits"] = "100",
        ["RateLimits:SuggestionSubmit:Permits"] = "100",
    });

    /// <summary>
    /// <see cref="Lenient"/>, and what the security and account tests look at: every log event (from Information up)
    /// captured in <see cref="PortalHost.Log"/>, one fixed client address (the test server gives requests none), and
    /// a sign-in checked against its account on every request, so a removed role ends access at once.
    /// </summary>
    public static PortalHostOptions Observed { get; } = Lenient.WithSettings(new Dictionary<string, string>
    {
        ["Serilog:MinimumLevel:Default"] = "Information",
        ["Admin:SessionValidationSeconds"] = "0",
    }) with
    {
        CaptureLog = true,
        ClientAddress = IPAddress.Parse(TestClientIp),
    };

    /// <summary>
    /// <see cref="Observed"/> in Production over HTTPS, as operators run it: secure cookies, HSTS (never sent to
    /// localhost, hence the public-looking address), two-factor sign-in required by default.
    /// </summary>
    public static PortalHostOptions Production { get; } = Observed with
    {
        Environment = "Production",
        BaseAddress = new Uri("https://portal.example"),
    };

    /// <summary><see cref="Observed"/> in Development, but with two-factor sign-in required for admins.</summary>
    public static PortalHostOptions TwoFactorRequired { get; } =
        Observed.WithSettings(new Dictionary<string, string> { ["Admin:RequireTwoFactor"] = "true" });

    /// <summary>ASPNETCORE_ENVIRONMENT: Development by default; Production for the shape operators run.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>An existing data directory (and its database) to run on, kept afterwards; null for a fresh one.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The database engine; null for the test run's (PORTAL_TEST_DATABASE).</summary>
    public DatabaseProvider? Provider { get; init; }

    /// <summary>
    /// A PostgreSQL server (a connection string to its "postgres" database) to create this host's database on, instead
    /// of the test run's (PORTAL_TEST_POSTGRES); with <see cref="Provider"/> PostgreSQL.
    /// </summary>
    public string? PostgreSqlServer { get; init; }

    /// <summary>Configuration keys and values, applied after the defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The clients' base address; null for the test server's default (http://localhost).</summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>Capture every log event the app writes in <see cref="PortalHost.Log"/>.</summary>
    public bool CaptureLog { get; init; }

    /// <summary>The remote address every request appears to come from; null for none, as the test server gives.</summary>
    public IPAddress? ClientAddress { get; init; }

    /// <summary>Services of the test's own, registered after the app's (so they replace them).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Configuration sources of the test's own, added after the app's (asked first).</summary>
    public Action<Microsoft.Extensions.Configuration.IConfigurationBuilder>? Configuration { get; init; }

    /// <summary>Runs once the app has started (migrated and seeded), before any request: data a test needs in place.</summary>
    public Action<IServiceProvider>? Started { get; init; }

    /// <summary>These options with more settings; a key set here already takes the new value.</summary>
    public PortalHostOptions WithSettings(IReadOnlyDictionary<string, string> settings)
    {
        var merged = new Dictionary<string, string>(Settings);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        return this with { Settings = merged };
    }

    /// <summary>These options with more services of the test's own, registered after those set here already.</summary>
    public PortalHostOptions WithServices(Action<IServiceCollection> services) =>
        this with { Services = Services + services };
}
