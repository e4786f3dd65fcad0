namespace FoodFast.Analytics.SampleData.Cli;

/// <summary>
/// The API key when <c>--api-key</c> is not given: <c>FOODFAST_API_KEY</c>, else the admin key the
/// service writes to <c>.local/admin-api-key</c> on first start (looked up from the current folder upwards,
/// so it works from anywhere inside the repository).
/// </summary>
public static class ApiKeyLocator
{
    public const string EnvironmentVariable = "FOODFAST_API_KEY";
    public const string KeyFile = ".local/admin-api-key";

    public static string? Find(Func<string, string?> env, string startFolder)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (env(EnvironmentVariable) is { Length: > 0 } key)
        {
            return key.Trim();
        }
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine(folder.FullName, KeyFile);
            if (File.Exists(file))
            {
                return File.ReadAllText(file).Trim();
            }
        }
        return null;
    }
}
