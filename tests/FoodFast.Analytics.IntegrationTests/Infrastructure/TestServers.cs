namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>Where the private test Postgres and Redis of scripts/test.sh listen (overridable by environment).</summary>
public static class TestServers
{
    public static string PostgresAdmin { get; } =
        Environment.GetEnvironmentVariable("FOODFAST_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres";

    public static string Redis { get; } = Environment.GetEnvironmentVariable("FOODFAST_TEST_REDIS") ?? "127.0.0.1:56380";

    /// <summary>A loopback port nothing listens on: connections to it are refused at once.</summary>
    public const int ClosedPort = 1;
}
