using FoodFast.Analytics.Api.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>
/// The API in-process against the real test Postgres and Redis, with a database and a Redis key prefix
/// of its own, so test classes never see each other's data. Subclasses change settings in <see cref="Configure"/>.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public string RedisPrefix { get; } = $"fftest:{Guid.NewGuid():N}:";

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
        };
        Configure(settings);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FaultInjection>());
    }

    public virtual async ValueTask InitializeAsync() => await Database.CreateAsync();

    /// <summary>A client whose first request finds the schema applied.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient();
        await Services.GetRequiredService<StorageBootstrapper>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DropAsync();
        GC.SuppressFinalize(this);
    }
}
