using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

using Microsoft.Data.Sqlite;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The deployment recipe of docs/deployment.md, run as written on the published build. The commands are read from the
/// page itself (<see cref="DeploymentRecipe"/>), so a changed command is what runs, and a recipe whose steps no longer
/// match fails here. What the test cannot do on a shared test machine it does in a declared way (<see cref="Rewrite"/>,
/// <see cref="RunStepCommandAsync"/>): every absolute path lands under a throw-away root, the portal listens on a free
/// port, the test's own user stands in for the system user, a "day" of Backup:Schedule is five seconds, systemctl is
/// played by the test starting and stopping the portal exactly as the installed unit file says, and the TLS
/// certificate, nginx's own checks and the request through the public name are left out.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class DeploymentRecipeTests : IDisposable
{
    private const string AdminPassword = "a long pass phrase for the recipe";
    private const string PublishCommand = "dotnet publish src/FreeGpuPortal.Web --configuration Release --output out";

    private static readonly string[] ExpectedSteps =
    [
        "Publish", "User and directories", "The environment file", "The service unit", "First admin", "Two-factor sign-in",
        "Public base URL", "nginx site", "Scheduled backups", "Verify the deployment", "Upgrade to a new version", "Restore a backup",
    ];

    private readonly string _work = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "freegpuportal-recipe", Guid.NewGuid().ToString("N"))).FullName;

    private readonly int _port = FreeLoopbackPort();
    private readonly StringBuilder _transcript = new();
    private Process? _service;
    private string _published = "";

    private string Root => Path.Combine(_work, "root");

    private string Source => Path.Combine(_work, "source");

    private string DataDirectory => Path.Combine(Root, "var", "lib", "freegpuportal");

    [Fact]
    public void The_recipe_has_the_twelve_steps_in_order_and_publishes_as_the_test_script_does()
    {
        var steps = DeploymentRecipe.Read(File.ReadAllText(Repository("docs", "deployment.md")));

        Assert.Equal(ExpectedSteps, steps.Select(step => step.Title));
        Assert.Equal(Enumerable.Range(1, 12), steps.Select(step => step.Number));
        Assert.All(steps.Where(step => step.Number != 6), step => Assert.NotEmpty(step.Commands));
        Assert.Equal(PublishCommand, Assert.Single(steps[0].Commands));
        // The published build the test runs is made by the same command (another output folder).
        Assert.Contains("dotnet publish src/FreeGpuPortal.Web --configuration Release --output \"$published\"",
            File.ReadAllText(Repository("scripts", "test-all.sh")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recipe_deploys_the_published_build_makes_an_admin_and_backups_and_restores_one()
    {
        _published = await PublishedBuild.FolderAsync();
        PrepareSource();
        var steps = DeploymentRecipe.Read(File.ReadAllText(Repository("docs", "deployment.md")));
        Assert.Equal(ExpectedSteps, steps.Select(step => step.Title));

        foreach (var step in steps)
        {
            Log($"### {step.Number}. {step.Title}");
            if (step.Number == 9)
            {
                await WaitForScheduledBackupAsync();
            }

            foreach (var command in step.Commands)
            {
                await RunStepCommandAsync(command);
            }

            await CheckAfterStepAsync(step.Number);
        }

        await StopServiceAsync();
    }

    public void Dispose()
    {
        if (_service is { HasExited: false })
        {
            _service.Kill(entireProcessTree: true);
            _service.WaitForExit();
        }

        _service?.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it later.
        }
    }

    /// <summary>What the test checks once a step's commands ran: what the step promises.</summary>
    private async Task CheckAfterStepAsync(int step)
    {
        switch (step)
        {
            case 4:
                Assert.True(_service is { HasExited: false }, Failure("the service is not running after step 4"));
                break;
            case 5:
                Assert.Equal(1, await CountAccountsAsync("admin@example.org"));
                break;
            case 7:
                using (var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") })
                {
                    await WaitUntilHealthyAsync(client);
                    var home = await client.GetStringAsync("/");
                    Assert.True(home.Contains("<link rel=\"canonical\" href=\"https://portal.example.org/\"", StringComparison.Ordinal),
                        Failure("the home page does not name the public base URL as canonical"));
                }

                break;
            case 11:
                // A change after the backup of step 11: the restore of step 12 must take it away again.
                await RunAsync(Path.Combine(Root, "usr", "local", "bin", "freegpuportal"), ["admin", "create", "--email", "later@example.org"]);
                Assert.Equal(1, await CountAccountsAsync("later@example.org"));
                break;
            case 12:
                Assert.Equal(1, await CountAccountsAsync("admin@example.org"));
                Assert.Equal(0, await CountAccountsAsync("later@example.org"));
                Assert.NotEmpty(Directory.GetFiles(DataDirectory, "freegpuportal.db.before-restore-*"));
                break;
        }
    }

    /// <summary>
    /// One command of the recipe: systemctl is played by the test, the publish is the published build, the few
    /// commands that need the real machine are left out, and everything else runs in bash as written, rewritten.
    /// </summary>
    private async Task RunStepCommandAsync(string command)
    {
        if (command == PublishCommand)
        {
            Log($"$ {command}  (the published build of this run is copied to out/)");
            CopyDirectory(_published, Path.Combine(Source, "out"), overwrite: true);
            return;
        }

        if (SystemctlCommand().Match(command) is { Success: true } systemctl)
        {
            await PlaySystemctlAsync(systemctl.Groups[1].Value, systemctl.Groups[2].Value.Trim());
            return;
        }

        if (command.StartsWith("sudo useradd ", StringComparison.Ordinal)
            || command.Contains("certbot", StringComparison.Ordinal)
            || command == "sudo nginx -t"
            || command.Contains("https://portal.example.org/", StringComparison.Ordinal) && command.StartsWith("curl", StringComparison.Ordinal))
        {
            Log($"$ {command}  (left out: needs the machine's own user database, certificate, nginx or DNS)");
            return;
        }

        var rewritten = Rewrite(command);
        Log($"$ {rewritten}");
        await RunAsync("bash", ["-euo", "pipefail", "-c", rewritten]);
    }

    /// <summary>The recipe's text as it applies on the throw-away root: see the class summary.</summary>
    private string Rewrite(string text)
    {
        text = text.Replace("sudo ", "", StringComparison.Ordinal)
            .Replace(" -o freegpuportal -g freegpuportal", "", StringComparison.Ordinal)
            .Replace(" -g freegpuportal", "", StringComparison.Ordinal)
            .Replace("runuser -u freegpuportal -- ", "", StringComparison.Ordinal)
            .Replace("127.0.0.1:5000", $"127.0.0.1:{_port}", StringComparison.Ordinal)
            .Replace("Backup__Schedule=1.00:00:00", "Backup__Schedule=00:00:05", StringComparison.Ordinal);
        if (!File.Exists("/usr/bin/dotnet"))
        {
            // The packages the recipe installs put dotnet there; a test machine may have it elsewhere.
            text = text.Replace("/usr/bin/dotnet", DotnetPath(), StringComparison.Ordinal);
        }

        return RootedPath().Replace(text, match => Root + match.Value);
    }

    private async Task PlaySystemctlAsync(string verb, string unit)
    {
        Log($"$ systemctl {verb} {unit}  (played by the test)");
        switch (verb, unit)
        {
            case ("daemon-reload", ""):
            case ("reload", "nginx"):
                return;
            case ("enable", "--now freegpuportal"):
            case ("start", "freegpuportal"):
                StartServiceAsUnitSays();
                return;
            case ("stop", "freegpuportal"):
                await StopServiceAsync();
                return;
            case ("restart", "freegpuportal"):
                await StopServiceAsync();
                StartServiceAsUnitSays();
                return;
            case ("status", "freegpuportal"):
                Assert.True(_service is { HasExited: false }, Failure("systemctl status: the service is not running"));
                return;
            default:
                Assert.Fail(Failure($"the recipe runs \"systemctl {verb} {unit}\", which this test does not know how to play"));
                return;
        }
    }

    /// <summary>Starts the portal from the installed unit file: its ExecStart, WorkingDirectory and EnvironmentFile.</summary>
    private void StartServiceAsUnitSays()
    {
        Assert.True(_service is null || _service.HasExited, Failure("start: the service is already running"));
        var unit = File.ReadAllLines(Path.Combine(Root, "etc", "systemd", "system", "freegpuportal.service"))
            .Where(line => line.Contains('=') && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .GroupBy(pair => pair[0])
            .ToDictionary(group => group.Key, group => group.Last()[1]);
        var execStart = unit["ExecStart"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(execStart[0])
        {
            WorkingDirectory = unit["WorkingDirectory"],
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in execStart.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        foreach (var line in File.ReadAllLines(unit["EnvironmentFile"]))
        {
            if (line.Contains('=') && !line.TrimStart().StartsWith('#'))
            {
                var (key, value) = (line.Split('=', 2)[0], line.Split('=', 2)[1]);
                start.Environment[key] = value;
            }
        }

        // Tests never reach the sites the catalog cites.
        start.Environment["LinkCheck__Schedule"] = "off";
        _service = Process.Start(start)!;
        _service.OutputDataReceived += (_, e) => Log(e.Data);
        _service.ErrorDataReceived += (_, e) => Log(e.Data);
        _service.BeginOutputReadLine();
        _service.BeginErrorReadLine();
    }

    /// <summary>SIGTERM, as systemctl stop sends it, and the wait for the portal to exit by itself.</summary>
    private async Task StopServiceAsync()
    {
        if (_service is not { HasExited: false } service)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", service.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.True(kill.ExitCode == 0, Failure("kill -TERM failed"));
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await service.WaitForExitAsync(deadline.Token);
        Assert.True(service.ExitCode == 0, Failure($"the service exited with {service.ExitCode} on SIGTERM"));
    }

    /// <summary>The restart of step 7 is not followed by a command that waits: the test waits before it looks.</summary>
    private async Task WaitUntilHealthyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, Failure("the portal was not healthy within 60 s of its start"));
            await Task.Delay(250);
        }
    }

    private async Task WaitForScheduledBackupAsync()
    {
        var backups = Path.Combine(DataDirectory, "backups");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(Directory.Exists(backups) && Directory.GetFiles(backups, "freegpuportal-backup-*.zip").Length > 0))
        {
            Assert.True(DateTime.UtcNow < deadline, Failure("no scheduled backup appeared within 60 s"));
            await Task.Delay(500);
        }

        Log($"(a scheduled backup is there: {Path.GetFileName(Directory.GetFiles(backups, "freegpuportal-backup-*.zip")[0])})");
    }

    private async Task<long> CountAccountsAsync(string email)
    {
        await using var connection = new SqliteConnection(
            $"Data Source={Path.Combine(DataDirectory, "freegpuportal.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AspNetUsers WHERE NormalizedEmail = $email";
        command.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The folder the recipe's commands run in, as a checkout would be: the deploy/ files (rewritten) and out/.</summary>
    private void PrepareSource()
    {
        // The folders a Debian machine with nginx and cron has, which the recipe copies into.
        foreach (var folder in new[] { "etc/systemd/system", "etc/nginx/conf.d", "etc/cron.d", "usr/local/bin" })
        {
            Directory.CreateDirectory(Path.Combine(Root, folder));
        }

        foreach (var file in Directory.EnumerateFiles(Repository("deploy"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Source, "deploy", Path.GetRelativePath(Repository("deploy"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, Rewrite(File.ReadAllText(file)));
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }

    private async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Source };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // "admin create" asks for the password; the recipe's reader types it, the test gives it the documented way.
        start.Environment["PORTAL_ADMIN_PASSWORD"] = AdminPassword;
        // /usr/local/bin is on the PATH of a Debian machine (and on sudo's secure_path).
        start.Environment["PATH"] = Path.Combine(Root, "usr", "local", "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        var (exitCode, output) = await PortalCommandLine.RunAsync(start, "");
        Log(output.TrimEnd());
        Assert.True(exitCode == 0, Failure($"exit code {exitCode}"));
    }

    private string Failure(string what)
    {
        lock (_transcript)
        {
            return $"{what}\n--- the recipe as run ---\n{_transcript}";
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_transcript)
        {
            _transcript.AppendLine(line);
        }
    }

    private static void CopyDirectory(string from, string to, bool overwrite)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite);
        }
    }

    private static string DotnetPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(directory => Path.Combine(directory, "dotnet"))
            .FirstOrDefault(File.Exists) ?? "dotnet";

    private static string Repository(params string[] parts) => Path.Combine([PublishedBuild.RepositoryRoot(), .. parts]);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^sudo systemctl (\S+)\s*(.*)$")]
    private static partial Regex SystemctlCommand();

    // Each absolute path of the recipe, where it starts (not inside a longer path).
    [GeneratedRegex(@"(?<![\w./-])(/opt/freegpuportal|/etc/freegpuportal|/var/lib/freegpuportal|/etc/systemd/system|/etc/nginx|/usr/local/bin|/etc/cron\.d|/etc/letsencrypt)")]
    private static partial Regex RootedPath();
}
