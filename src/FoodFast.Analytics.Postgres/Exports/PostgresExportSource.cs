using System.Data;
using System.Runtime.CompilerServices;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Postgres.Storage;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Exports;

/// <summary>
/// Streams rows with one reader per export (<see cref="CommandBehavior.SequentialAccess"/>, no OFFSET paging):
/// memory stays flat whatever the row count, and the order is the index order <c>(shop_id, time)</c> then id.
/// </summary>
public sealed class PostgresExportSource(AnalyticsDatabase database) : IExportSource
{
    /// <summary>The orders' export columns in order (bench/ compares this read with COPY of the same columns).</summary>
    public static string OrderColumns => ExportedTable.Orders.ColumnList;

    public IAsyncEnumerable<ExportedOrder> OrdersAsync(ExportRange range, CancellationToken cancellationToken) =>
        ReadAsync(ExportedTable.Orders.Select(range), range, r => new ExportedOrder(
            r.GetString(0), r.GetString(1), Text(r, 2), r.GetString(3), Time(r, 4), Time(r, 5), r.GetString(6), r.GetString(7), r.GetString(8),
            r.GetString(9), Text(r, 10), Text(r, 11), r.GetDecimal(12), r.GetDecimal(13), r.GetDecimal(14), r.GetDecimal(15), r.GetDecimal(16),
            r.GetInt32(17), r.GetInt32(18)), cancellationToken);

    public IAsyncEnumerable<ExportedOrderItem> OrderItemsAsync(ExportRange range, CancellationToken cancellationToken) =>
        ReadAsync(ExportedTable.OrderItems.Select(range), range, r => new ExportedOrderItem(
            r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5), Text(r, 6), r.GetInt32(7),
            r.GetDecimal(8), r.IsDBNull(9) ? null : r.GetDecimal(9), r.GetDecimal(10), Text(r, 11), r.GetString(12), Time(r, 13),
            r.GetString(14), r.GetString(15), r.GetString(16)), cancellationToken);

    public IAsyncEnumerable<ExportedEvent> EventsAsync(ExportRange range, CancellationToken cancellationToken) =>
        ReadAsync(ExportedTable.Events.Select(range), range, r => new ExportedEvent(
            r.GetGuid(0), r.GetString(1), Time(r, 2), r.GetString(3), r.GetString(4), Text(r, 5), Text(r, 6), Text(r, 7), Text(r, 8),
            Text(r, 9), r.IsDBNull(10) ? null : r.GetInt32(10), r.IsDBNull(11) ? null : r.GetDecimal(11), Text(r, 12), Text(r, 13),
            Text(r, 14), Text(r, 15), Text(r, 16)), cancellationToken);

    /// <summary>PostgreSQL's own CSV (COPY), read as it is made: the rows never become .NET values.</summary>
    public async Task<TextReader?> OpenCsvAsync(string dataset, ExportRange range, CancellationToken cancellationToken)
    {
        var copy = ExportedTable.Of(dataset).CopyCsv(range);
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var dates = new NpgsqlCommand(ExportedTable.IsoDates, connection))
            {
                await dates.ExecuteNonQueryAsync(cancellationToken);
            }
            return new ConnectionOwnedReader(await connection.BeginTextExportAsync(copy, cancellationToken), connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async IAsyncEnumerable<T> ReadAsync<T>(string sql, ExportRange range, Func<NpgsqlDataReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("from", range.From.ToUniversalTime());
        command.Parameters.AddWithValue("to", range.To.ToUniversalTime());
        if (range.ShopId is { } shop)
        {
            command.Parameters.AddWithValue("shop", shop);
        }
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return map(reader);
        }
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
