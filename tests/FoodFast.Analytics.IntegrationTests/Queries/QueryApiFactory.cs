using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.IntegrationTests.Queries;

/// <summary>The API with the contract data loaded into its store, once per test class.</summary>
public class QueryApiFactory : ApiFactory
{
    private readonly SemaphoreSlim _load = new(1, 1);
    private bool _loaded;

    public async Task<HttpClient> LoadedClientAsync()
    {
        var client = await CreateAdminClientAsync();
        await _load.WaitAsync();
        try
        {
            if (!_loaded)
            {
                await ContractData.LoadAsync(Services.GetRequiredService<IAnalyticsStore>().Sink);
                _loaded = true;
            }
        }
        finally
        {
            _load.Release();
        }
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        _load.Dispose();
        await base.DisposeAsync();
    }
}
