using System.Diagnostics;
using System.Globalization;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Postgres.Exports;
using FoodFast.Analytics.Postgres.Storage;
using FoodFast.Analytics.Reports.Definitions;
using Npgsql;

namespace FoodFast.Analytics.Bench;

/// <summary>
/// The read half of an export, alone and in one process: the store's export source (rows mapped to report rows, as
/// the job reads them, nothing written) against Npgsql's COPY TO STDOUT of the same rows (text, read and dropped).
/// </summary>
internal static class ExportRead
{
    public static async Task<int> RunAsync(string connectionString, string shop, DateTimeOffset from, DateTimeOffset to)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var range = new ExportRange(shop, from, to);
        // Each twice: the first run warms the JIT and Postgres's buffers; the second is printed.
        for (var round = 0; round < 2; round++)
        {
            var (copyRows, copy) = await TimeAsync(() => CopyAsync(dataSource, range));
            var (readRows, read) = await TimeAsync(() => ReadAsync(connectionString, range));
            if (round == 1)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"read alone: Npgsql COPY TO STDOUT {copyRows / copy.TotalSeconds:F0} rows/s, export source {readRows / read.TotalSeconds:F0} rows/s, ratio {copy / read:F2} ({readRows} rows)"));
            }
        }
        return 0;
    }

    private static async Task<(long Rows, TimeSpan Took)> TimeAsync(Func<Task<long>> run)
    {
        var clock = Stopwatch.StartNew();
        var rows = await run();
        return (rows, clock.Elapsed);
    }

    private static async Task<long> ReadAsync(string connectionString, ExportRange range)
    {
        await using var analytics = new AnalyticsDatabase(connectionString);
        var rows = ExportTables.Table("orders", Datasets.Orders, new PostgresExportSource(analytics), range, null, CancellationToken.None).Rows;
        long count = 0;
        await foreach (var _ in rows)
        {
            count++;
        }
        return count;
    }

    private static async Task<long> CopyAsync(NpgsqlDataSource dataSource, ExportRange range)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            copy (select {PostgresExportSource.OrderColumns} from orders where created_at >= '{range.From:O}' and created_at < '{range.To:O}'
            and shop_id = '{range.ShopId!.Replace("'", "''", StringComparison.Ordinal)}' order by created_at, shop_id, order_id) to stdout (format csv)
            """);
        using var reader = await connection.BeginTextExportAsync(sql);
        var buffer = new char[1 << 16];
        long lines = 0;
        for (int read; (read = await reader.ReadAsync(buffer)) > 0;)
        {
            lines += buffer.AsSpan(0, read).Count('\n');
        }
        return lines;
    }
}
