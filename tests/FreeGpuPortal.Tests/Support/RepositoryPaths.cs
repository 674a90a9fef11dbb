namespace FreeGpuPortal.Tests.Support;

/// <summary>Paths in the source tree, found by walking up from the test output to the solution file.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string WebProject => Path.Combine(Root, "src", "FreeGpuPortal.Web");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FreeGpuPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("FreeGpuPortal.sln was not found above the test output directory.");
    }
}
