namespace FreeGpuPortal.Web.Backups;

/// <summary>
/// `FreeGpuPortal.Web backup create --output FILE` (while the portal runs) and
/// `FreeGpuPortal.Web backup restore --input FILE` (with the portal stopped), on the configured data directory.
/// </summary>
public static class BackupCommand
{
    public static bool IsInvocation(string[] args) => args.Length > 0 && args[0] == "backup";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var verb = args.Length > 1 ? args[1] : null;
        var backups = services.GetRequiredService<PortalBackups>();
        try
        {
            switch (verb)
            {
                case "create" when ValueOf(args, "--output") is { } outputPath:
                    var manifest = await backups.CreateAsync(outputPath);
                    await output.WriteLineAsync(
                        $"Backup written to {Path.GetFullPath(outputPath)}: database of {manifest.DatabaseBytes} bytes, " +
                        $"{manifest.CatalogMigrations.Count} catalog and {manifest.AccountsMigrations.Count} accounts migrations, app version {manifest.AppVersion}.");
                    return 0;
                case "restore" when ValueOf(args, "--input") is { } inputPath:
                    foreach (var line in await backups.RestoreAsync(inputPath))
                    {
                        await output.WriteLineAsync(line);
                    }

                    return 0;
                case "check" when ValueOf(args, "--input") is { } inputPath:
                    var checkedManifest = await backups.InspectAsync(inputPath);
                    await output.WriteLineAsync($"{inputPath} is a portal backup of {checkedManifest.CreatedAtUtc:u} (app version {checkedManifest.AppVersion}) that this portal can restore.");
                    return 0;
                default:
                    await error.WriteLineAsync("Usage: backup create --output FILE   (the portal may be running)");
                    await error.WriteLineAsync("       backup restore --input FILE   (stop the portal first)");
                    await error.WriteLineAsync("       backup check --input FILE");
                    return 2;
            }
        }
        catch (BackupException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return 1;
        }
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
