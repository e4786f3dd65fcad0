namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>Paths of the checkout the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Build configuration of this test run (Debug or Release), read from the output path.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string ApiOutput => Path.Combine(Root, "src", "FoodFast.Analytics.Api", "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FoodFast.Analytics.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"FoodFast.Analytics.sln not found above {AppContext.BaseDirectory}");
    }
}
