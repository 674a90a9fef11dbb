using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

using FreeGpuPortal.Web.Operations;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// SIGTERM, as a service manager or container runtime stops the portal: the published build in Production gets a real
/// signal while a slow client is still uploading a hardware report. The upload finishes and gets its 200, new
/// connections are refused (never a 5xx from a half-stopped app), and the process exits 0 before the shutdown timeout.
/// </summary>
public sealed class GracefulShutdownTests(GracefulShutdownTests.ShutdownPortalFixture portal) : IClassFixture<GracefulShutdownTests.ShutdownPortalFixture>
{
    private const string Refused = "refused";
    private const string ClosedBeforeAResponse = "closed before a response";

    /// <summary>A portal of its own: this test stops it.</summary>
    public sealed class ShutdownPortalFixture() : PublishedPortalFixture(new Dictionary<string, string>());

    [Fact]
    public async Task On_sigterm_a_request_in_flight_completes_new_connections_are_refused_and_the_process_exits_0()
    {
        var paste = Fixture("nvidia-smi/t4-colab-550.54.15-empty-processes.txt") + "\n" + Fixture("lscpu/colab-xeon-2.20-2cpu-md-export.txt")
            + "\nMemTotal:       13290452 kB\n";
        var upload = new SlowUpload(Encoding.UTF8.GetBytes(paste));
        using var slowClient = portal.NewHttpClient();
        var inFlight = slowClient.PostAsync("/api/v1/hardware-reports/parse", upload);

        // The server has the request (headers and the first bytes of the body) and is reading the rest.
        await upload.Started.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(300);
        var server = portal.ServerProcess;
        var stopwatch = Stopwatch.StartNew();
        await SendSigtermAsync(server.Id);

        // New connections, each on a socket of its own, until one is refused.
        var answers = new List<string>();
        var refused = false;
        while (!refused && stopwatch.Elapsed < TimeSpan.FromSeconds(3))
        {
            var answer = await NewConnectionAsync();
            answers.Add(answer);
            refused = answer == Refused;
            await Task.Delay(50);
        }

        Assert.False(inFlight.IsCompleted, "the slow upload ended before the test let it finish");
        upload.Release();
        using var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(30));
        var body = await response.Content.ReadAsStringAsync();
        var exited = await WaitForExitAsync(server, TimeSpan.FromSeconds(OperationsExtensions.DefaultShutdownTimeoutSeconds) - stopwatch.Elapsed);
        var log = portal.ServerLog;

        Assert.True(refused, $"no new connection was refused after SIGTERM: {string.Join(", ", answers)}\n{log}");
        Assert.All(answers, answer => Assert.True(IsClean(answer), $"not a clean answer after SIGTERM: {answer}\n{log}"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}\n{log}");
        Assert.Contains("\"driverVersion\":\"550.54.15\"", body, StringComparison.Ordinal);
        Assert.Contains("\"memTotalKiB\":13290452", body, StringComparison.Ordinal);
        Assert.True(exited, $"the process had not exited {OperationsExtensions.DefaultShutdownTimeoutSeconds} s after SIGTERM\n{log}");
        Assert.True(server.ExitCode == 0, $"exit code {server.ExitCode}\n{log}");
        Assert.DoesNotContain("[ERR]", log, StringComparison.Ordinal);
        Assert.DoesNotContain("[FTL]", log, StringComparison.Ordinal);
    }

    /// <summary>
    /// A GET of /healthz on a fresh connection: the status code of a complete response, "refused" when nothing listens,
    /// or "closed before a response" when the connection ended before a status line came back. The last happens when
    /// the kernel completed the TCP handshake into the listen queue just before Kestrel closed the listener: the queued
    /// connection is then closed or reset during TLS, and no request is ever read. For the client that is as clean as a
    /// refusal (nothing half-answered, no 5xx), and HTTP lets it retry. A response that starts and then breaks off is
    /// not clean, and is reported as such.
    /// </summary>
    private async Task<string> NewConnectionAsync()
    {
        using var client = portal.NewHttpClient();
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync("/healthz", HttpCompletionOption.ResponseHeadersRead);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return Refused;
        }
        catch (HttpRequestException exception)
        {
            return $"{ClosedBeforeAResponse} ({exception.Message})";
        }

        using (response)
        {
            try
            {
                await response.Content.ReadAsByteArrayAsync();
                return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                return $"{(int)response.StatusCode} broken off: {exception.Message}";
            }
        }
    }

    private static bool IsClean(string answer) =>
        answer is "200" or "503" or Refused || answer.StartsWith(ClosedBeforeAResponse, StringComparison.Ordinal);

    private static async Task SendSigtermAsync(int processId)
    {
        using var kill = Process.Start("kill", ["-TERM", processId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Fixture(string relativePath) =>
        File.ReadAllText(Path.Combine(PublishedBuild.RepositoryRoot(), "tests", "fixtures", "hardware-reports", relativePath));

    /// <summary>
    /// A client on a slow line: the body goes out 64 bytes every 100 ms (faster than Kestrel's minimum data rate, so
    /// the server waits rather than drops it) until <see cref="Release"/>, then the rest at once.
    /// </summary>
    private sealed class SlowUpload : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SlowUpload(byte[] body)
        {
            _body = body;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        }

        public Task Started => _started.Task;

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var sent = 0;
            while (sent < _body.Length && !_released.Task.IsCompleted)
            {
                var chunk = Math.Min(64, _body.Length - sent);
                await stream.WriteAsync(_body.AsMemory(sent, chunk));
                await stream.FlushAsync();
                sent += chunk;
                _started.TrySetResult();
                await Task.WhenAny(_released.Task, Task.Delay(100));
            }

            await stream.WriteAsync(_body.AsMemory(sent));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
