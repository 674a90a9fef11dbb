using System.Diagnostics;
using System.Globalization;
using System.Text;

using FreeGpuPortal.Soak;

// bench/soak.sh publishes the portal and runs this; see docs/performance.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
SoakOptions options;
try
{
    options = SoakOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine("usage: --published DIR --fixtures DIR --output DIR --duration 30m [--rate 40] [--concurrency 16] [--save-every 5] [--sample-every 10]");
    return 2;
}

Directory.CreateDirectory(options.OutputFolder);
var dataDirectory = Path.Combine(Path.GetTempPath(), "freegpuportal-soak", Guid.NewGuid().ToString("N"));
var clock = new Stopwatch();
var recorder = new LatencyRecorder();
await using var server = new PortalServer(options.PublishedFolder, dataDirectory);
Console.WriteLine($"starting the published portal (Production, HTTPS) on a fresh data directory");
await server.StartAsync();
using var client = server.NewHttpClient(options.MaxConcurrency);
var slugs = await SoakSetup.SlugsAsync(client);
var pastes = SoakSetup.Pastes(options.FixturesFolder);
Console.WriteLine($"{server.BaseUrl}: {slugs.Count} platforms, {pastes.Count} report pastes; signing in the admin in Chromium");

await using var admin = new AdminSaver(server, recorder, clock);
await admin.SignInAsync();

var csvPath = Path.Combine(options.OutputFolder, $"soak-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
var sampler = new Sampler(server, client, recorder, clock, options.SampleInterval, csvPath);
Console.WriteLine($"soak for {options.Duration}: {options.RequestsPerSecond} requests/s (at most {options.MaxConcurrency} in flight), an admin save every {options.SaveInterval.TotalSeconds} s; figures every {options.SampleInterval.TotalSeconds} s into {csvPath}");
Console.WriteLine(Sampler.Header);

using var stop = new CancellationTokenSource(options.Duration);
clock.Start();
var load = new LoadGenerator(client, recorder, clock, slugs, pastes).RunAsync(options.RequestsPerSecond, options.MaxConcurrency, stop.Token);
var saves = admin.RunAsync(slugs.Contains("colab") ? "colab" : slugs[0], options.SaveInterval, stop.Token);
var sampling = sampler.RunAsync(stop.Token);
await Task.WhenAll(load, saves, sampling);
clock.Stop();

// Stop the portal as a service manager would before reading its database.
var exitCode = await server.StopAsync(TimeSpan.FromSeconds(60));
var history = await HistoryCheck.CompareAsync(server.DatabasePath, admin.SavedChangeIds, AdminSaver.NotePrefix);

var summary = new SoakSummary(options, recorder, sampler.Rows, admin.SavedChangeIds.Count, admin.FailedSaves, history, exitCode).Write();
Console.WriteLine(summary);
await File.WriteAllTextAsync(Path.ChangeExtension(csvPath, ".summary.md"), summary, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
try
{
    Directory.Delete(dataDirectory, recursive: true);
}
catch (IOException)
{
    // Left for the temp cleaner.
}

return summary.Contains("**FAIL**", StringComparison.Ordinal) ? 1 : 0;
