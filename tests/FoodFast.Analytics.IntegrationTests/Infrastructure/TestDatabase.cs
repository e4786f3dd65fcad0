using Npgsql;

namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>A database of its own for one test class, created on the test Postgres and dropped afterwards.</summary>
public sealed class TestDatabase
{
    public TestDatabase()
    {
        Name = $"fftest_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(TestServers.PostgresAdmin) { Database = Name, Timeout = 5 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public async Task CreateAsync() => await AdminAsync($"create database {Name}");

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"drop database if exists {Name} with (force)");
    }

    public NpgsqlDataSource OpenDataSource() => NpgsqlDataSource.Create(ConnectionString);

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServers.PostgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
