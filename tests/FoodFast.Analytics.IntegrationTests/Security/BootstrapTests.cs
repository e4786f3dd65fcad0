using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Security;

/// <summary>The first admin key, with the built service started as its own process (as scripts/start.sh runs it).</summary>
public sealed class BootstrapTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("ff-bootstrap-").FullName;

    public async ValueTask InitializeAsync() => await _database.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await _database.DropAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string> Environment(string keyFile) => new()
    {
        ["Postgres__ConnectionString"] = _database.ConnectionString,
        ["Redis__Configuration"] = TestServers.Redis,
        ["Redis__KeyPrefix"] = $"fftest:{_database.Name}:",
        ["Security__BootstrapKeyFile"] = keyFile,
    };

    [Fact]
    public async Task Admin_key_comes_from_ADMIN_API_KEY_and_is_never_logged()
    {
        var adminKey = $"given-admin-key-{Guid.NewGuid():N}";
        var environment = Environment(Path.Combine(_folder, "admin-api-key"));
        environment["ADMIN_API_KEY"] = adminKey;

        await using var service = ServiceProcess.Start(environment);
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var client = ApiFactory.WithKey(service.CreateClient(), adminKey);

        var me = await (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("[\"admin\"]", me.GetProperty("roles").GetRawText());
        Assert.False(File.Exists(Path.Combine(_folder, "admin-api-key")));
        Assert.Contains("Created the first admin API key from Security:AdminApiKey (ADMIN_API_KEY)", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(adminKey, service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(adminKey[..12], service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_starting_together_generate_exactly_one_key_written_only_to_a_private_file()
    {
        var files = new[] { Path.Combine(_folder, "a", "admin-api-key"), Path.Combine(_folder, "b", "admin-api-key") };
        await using var first = ServiceProcess.Start(Environment(files[0]));
        await using var second = ServiceProcess.Start(Environment(files[1]));
        await Task.WhenAll(first.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), second.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)));

        var written = Assert.Single(files, File.Exists);
        var key = await File.ReadAllTextAsync(written, TestContext.Current.CancellationToken);
        Assert.Matches("^ffk_[A-Za-z0-9_-]{43}$", key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(written));
        }
        Assert.Equal(1L, await CountKeysAsync());
        foreach (var service in new[] { first, second })
        {
            using var client = ApiFactory.WithKey(service.CreateClient(), key);
            var response = await client.GetAsync(new Uri("/api/v1/admin/api-keys", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(key, service.Output, StringComparison.Ordinal);
        }
        Assert.Contains($"Created the first admin API key {key[..12]}...; it was written to {written}", first.Output + second.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ADMIN_API_KEY", "too-short", "Security:AdminApiKey (ADMIN_API_KEY) must be at least 32 characters without spaces")]
    [InlineData("Security__Jwt__Algorithm", "none", "Security:Jwt:Algorithm 'none' is not supported; valid values are HS256 and RS256")]
    public async Task Bad_security_settings_stop_start_up_naming_the_setting(string variable, string value, string message)
    {
        var environment = Environment(Path.Combine(_folder, "admin-api-key"));
        environment[variable] = value;

        await using var service = ServiceProcess.Start(environment);

        Assert.Equal(1, await service.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"invalid configuration: {message}", service.Output, StringComparison.Ordinal);
    }

    private async Task<long> CountKeysAsync()
    {
        await using var data = _database.OpenDataSource();
        await using var command = data.CreateCommand("select count(*) from api_keys");
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
