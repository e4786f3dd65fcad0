namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>Another API instance on the database of <paramref name="first"/>, as a second replica behind a balancer.</summary>
public sealed class SecondInstance(ApiFactory first) : ApiFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Postgres:ConnectionString"] = first.Database.ConnectionString;
        settings["Security:AdminApiKey"] = first.AdminKey;
    }

    /// <summary>The database belongs to the first instance: nothing to create.</summary>
    public override ValueTask InitializeAsync() => ValueTask.CompletedTask;
}
