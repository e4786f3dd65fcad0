namespace FoodFast.Analytics.UnitTests.Deployment;

/// <summary>Files at the root of the repository, found from the test's output folder upwards.</summary>
public static class RepoFile
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>KEY=value lines of an env file; comments and blank lines skipped.</summary>
    public static Dictionary<string, string> EnvFile(string relative) => File.ReadAllLines(PathOf(relative))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('=', 2))
        .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FoodFast.Analytics.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("FoodFast.Analytics.sln not found above " + AppContext.BaseDirectory);
    }
}
