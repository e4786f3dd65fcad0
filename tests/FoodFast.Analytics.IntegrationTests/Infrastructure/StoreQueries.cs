using Npgsql;

namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>Reads the Postgres analytics tables directly, to assert what really landed.</summary>
public static class StoreQueries
{
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] values)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        var result = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(result!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
