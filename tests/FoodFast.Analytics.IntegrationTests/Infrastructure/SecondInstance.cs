namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>
/// Another API instance on the database and Redis keys of <paramref name="first"/>, as a second replica behind a
/// balancer; <paramref name="configure"/> adds settings of its own.
/// </summary>
public sealed class SecondInstance(ApiFactory first, Action<IDictionary<string, string?>>? configure = null) : ApiFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Postgres:ConnectionString"] = first.Database.ConnectionString;
        settings["Redis:KeyPrefix"] = first.RedisPrefix;
        settings["Security:AdminApiKey"] = first.AdminKey;
        configure?.Invoke(settings);
    }

    /// <summary>The database belongs to the first instance: nothing to create.</summary>
    public override ValueTask InitializeAsync() => ValueTask.CompletedTask;
}
