using System.Diagnostics;
using System.Net;

namespace FreeGpuPortal.BrowserTests.Cluster;

/// <summary>
/// One instance of the published build in the cluster: Production, PostgreSQL, two-factor sign-in required, plain HTTP
/// on a loopback port behind nginx (loopback is trusted as a proxy by default), a data directory of its own.
/// </summary>
public sealed class PortalInstance(string name, string publishedFolder, string dataDirectory, int port, string connectionString)
{
    private ClusterProcess? _process;

    public string Name { get; } = name;

    public int Port { get; } = port;

    /// <summary>The instance's own address, <c>http://127.0.0.1:PORT</c>, bypassing nginx.</summary>
    public string DirectUrl => $"http://127.0.0.1:{Port}";

    public ClusterProcess Process => _process ?? throw new InvalidOperationException($"Instance {Name} was not started.");

    public ClusterProcess Start()
    {
        Directory.CreateDirectory(dataDirectory);
        var start = ProcessStart();
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(DirectUrl);
        _process = ClusterProcess.Start("instance " + Name, start);
        return _process;
    }

    /// <summary>
    /// A client for this instance alone. It says, as nginx does, that the visitor came over HTTPS: the instance
    /// believes it because the request comes from loopback, a trusted proxy.
    /// </summary>
    public HttpClient NewDirectClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(DirectUrl),
            Timeout = TimeSpan.FromSeconds(15),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    public async Task WaitUntilHealthyAsync()
    {
        using var client = NewDirectClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} exited ({Process.ExitCode}):\n{Process.Log}");
            }

            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Instance {Name} did not become healthy within 90 s:\n{Process.Log}");
    }

    /// <summary>Runs the portal's command line with this instance's settings, <paramref name="standardInput"/> on stdin.</summary>
    public Task<(int ExitCode, string Output)> RunCommandAsync(string standardInput, params string[] arguments) =>
        PortalCommandLine.RunAsync(ProcessStart(), standardInput, arguments);

    private ProcessStartInfo ProcessStart() => PublishedPortal.StartInfo(publishedFolder, dataDirectory, new Dictionary<string, string>
    {
        ["Database:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Catalog"] = connectionString,
        ["Admin:RequireTwoFactor"] = "true",

        // Every visitor of the test comes from 127.0.0.1: the read load would meet the per-address API limit (which
        // has tests of its own).
        ["RateLimits:Api:PermitPerMinute"] = "1000000",
    });
}
