using FoodFast.Analytics.Postgres;
using FoodFast.Analytics.Postgres.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.UnitTests.Postgres;

public sealed class StoreOptionsTests
{
    [Fact]
    public void Query_work_mem_defaults_to_64_megabytes_and_binds_from_configuration()
    {
        using var defaults = Build([]);
        using var configured = Build(new() { ["Storage:Postgres:QueryWorkMemMegabytes"] = "256" });

        Assert.Equal(64, defaults.GetRequiredService<IOptions<PostgresStoreOptions>>().Value.QueryWorkMemMegabytes);
        Assert.Equal(256, configured.GetRequiredService<IOptions<PostgresStoreOptions>>().Value.QueryWorkMemMegabytes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4096")]
    public void Query_work_mem_out_of_range_fails_naming_the_setting(string value)
    {
        using var services = Build(new() { ["Storage:Postgres:QueryWorkMemMegabytes"] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PostgresStoreOptions>>().Value);

        Assert.Equal(["Storage:Postgres:QueryWorkMemMegabytes must be between 1 and 2048"], ex.Failures);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddPostgresAnalyticsStore();
        return services.BuildServiceProvider();
    }
}
