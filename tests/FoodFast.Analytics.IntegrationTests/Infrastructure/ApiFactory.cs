using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FoodFast.Analytics.Api.Hosting;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Api.Security.ApiKeys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>
/// The API in-process against the real test Postgres and Redis, with a database and a Redis key prefix
/// of its own, so test classes never see each other's data. Subclasses change settings in <see cref="Configure"/>.
/// Every instance has a known admin key (<see cref="AdminKey"/>); <see cref="CreateClientAsync"/> mints real keys
/// through the admin API, so tests pass through the real authentication pipeline.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public string RedisPrefix { get; } = $"fftest:{Guid.NewGuid():N}:";

    /// <summary>The bootstrap admin key of this instance (<c>Security:AdminApiKey</c>).</summary>
    public string AdminKey { get; } = $"fftest-admin-{Guid.NewGuid():N}";

    /// <summary>Settings applied over appsettings.json; override to point a dependency elsewhere.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Postgres:ConnectionString"] = Database.ConnectionString,
            ["Redis:Configuration"] = TestServers.Redis,
            ["Redis:KeyPrefix"] = RedisPrefix,
            ["Security:AdminApiKey"] = AdminKey,
            // In-process requests have no client IP, so every test of a class shares one address: the per-IP limit on
            // refused credentials is raised here and tested with a small one in FailedCredentialLimitTests.
            ["Security:FailedCredentials:MaxFailures"] = "1000",
            // Program's start-up check probes the configured port (8080 by default) before running; an in-process host
            // must not depend on it, or a service the user runs on 8080 ends the whole test process.
            ["Urls"] = "http://127.0.0.1:0",
        };
        Configure(settings);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FaultInjection>());
        // The xunit.v3 runner talks to `dotnet test` through this process's stdout: in-process hosts must not write
        // log lines there, or a busy run can interleave them with its JSON messages and abort the test process.
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    public virtual async ValueTask InitializeAsync() => await Database.CreateAsync();

    /// <summary>A client (without credentials) whose first request finds the schema applied and the admin key created.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient();
        await Services.GetRequiredService<StorageBootstrapper>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        await Services.GetRequiredService<AdminKeyBootstrapper>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return client;
    }

    /// <summary>A ready client sending the bootstrap admin key.</summary>
    public async Task<HttpClient> CreateAdminClientAsync() => WithKey(await CreateReadyClientAsync(), AdminKey);

    /// <summary>A ready client with a fresh key of <paramref name="role"/>, minted through <c>POST /api/v1/admin/api-keys</c>.</summary>
    public async Task<HttpClient> CreateClientAsync(Role role, string? shopId = "shop-a") =>
        WithKey(await CreateReadyClientAsync(), (await CreateKeyAsync(role, shopId)).Key);

    /// <summary>Mints a key through the admin API; admin keys ignore <paramref name="shopId"/> (they span all shops).</summary>
    public async Task<CreatedApiKey> CreateKeyAsync(Role role, string? shopId = "shop-a", DateTimeOffset? expiresAt = null)
    {
        using var admin = await CreateAdminClientAsync();
        var request = new CreateApiKeyRequest($"test {role.Name()}", [role.Name()], role == Role.Admin ? null : shopId, expiresAt);
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", request, Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"minting a {role.Name()} key failed: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<CreatedApiKey>(body, Json)!;
    }

    public static HttpClient WithKey(HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    /// <summary>The API's wire conventions (camelCase, snake_case enums, UTC timestamps).</summary>
    public static JsonSerializerOptions Json => Core.Wire.WireJson.Options;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DropAsync();
        GC.SuppressFinalize(this);
    }
}
