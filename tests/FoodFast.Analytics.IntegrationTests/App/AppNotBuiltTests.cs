using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.App;

/// <summary>A build of the service without the app's files (scripts/build-app.sh not run) starts, and /app says why it is empty.</summary>
public sealed class AppNotBuiltTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly string _build = Directory.CreateTempSubdirectory("ff-no-app-").FullName;

    public async ValueTask InitializeAsync()
    {
        await _database.CreateAsync();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.ApiOutput, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.ApiOutput, file);
            if (!relative.StartsWith("app" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_build, relative))!);
                File.Copy(file, Path.Combine(_build, relative));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DropAsync();
        Directory.Delete(_build, recursive: true);
    }

    [Fact]
    public async Task The_service_starts_and_the_app_page_is_a_404_saying_how_to_build_it()
    {
        Assert.False(Directory.Exists(Path.Combine(_build, "app")));
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Postgres__ConnectionString"] = _database.ConnectionString,
            ["Redis__Configuration"] = TestServers.Redis,
            ["Redis__KeyPrefix"] = $"fftest:{_database.Name}:",
            ["Security__BootstrapKeyFile"] = Path.Combine(_build, "admin-api-key"),
        }, output: _build);
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var client = service.CreateClient();

        using var page = await client.GetAsync(new Uri("/app/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var problem = await page.ReadJsonAsync();
        Assert.Equal("The app is not built", problem.GetProperty("title").GetString());
        Assert.Contains("scripts/build-app.sh", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
