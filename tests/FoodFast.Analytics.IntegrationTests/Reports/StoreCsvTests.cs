using System.Text;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.Reports.Writers.Csv;
using Npgsql;

namespace FoodFast.Analytics.IntegrationTests.Reports;

/// <summary>
/// The Postgres store makes the CSV of raw exports itself (COPY): its file must be the one the writer makes from the
/// rows, byte for byte, on text that needs quoting, empty and null text, fractions of a second and odd amounts.
/// </summary>
public sealed class StoreCsvTests(PostgresStoreFixture fixture) : IClassFixture<PostgresStoreFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Runs before each test on the class's one database: the rows go in once.
    public async ValueTask InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var insert = new NpgsqlCommand("""
            insert into orders (shop_id, order_id, customer_id, status, created_at, updated_at, currency, channel, payment_method, country, city,
                                coupon_code, subtotal, discount, tax, shipping, total, units, line_count) values
              ('odd', 'o-1', 'say "cheese", please', 'paid', '2026-01-02 10:00:00.5+00', '2026-01-02 10:00:00+00', 'EUR', 'web', 'card', 'DE',
               'Köln', '', 0.00, -3.50, 1.10, 2.00, 123456789012.34, 1, 1),
              ('odd', 'o-2', null, 'paid', '2026-01-02 10:00:00.623456+00', '2026-01-03 00:00:00.000001+00', 'EUR', 'web', 'card', 'DE',
               e'two\nlines', e'cr\rand crlf\r\nend', 13.50, 0, 0, 0, 13.50, 2, 1),
              ('odd', 'o-3', '  spaces  ', 'shipped', '2026-01-05 23:59:59.999999+00', '2026-01-06 00:00:00+00', 'GBP', 'ios', 'apple_pay', 'GB',
               '東京 🍣', '"quoted"', 1, 2, 3, 4, 10, 3, 2)
            on conflict do nothing;
            insert into order_items (shop_id, order_id, line_no, product_id, product_name, category, brand, quantity, unit_price, unit_cost,
                                     line_total, customer_id, status, created_at, currency, country, channel) values
              ('odd', 'o-1', 1, 'p,1', 'Käse "alt", 200 g', 'dairy', null, 1, 4.50, null, 4.50, 'c', 'paid', '2026-01-02 10:00:00.5+00', 'EUR', 'DE', 'web'),
              ('odd', 'o-3', 1, 'p2', e'line\nbreak', 'sushi', '', 2, 0.01, 0.00, 0.02, '', 'shipped', '2026-01-05 23:59:59.999999+00', 'GBP', 'GB', 'ios')
            on conflict do nothing;
            insert into events (event_id, shop_id, occurred_at, category, type, user_id, session_id, product_id, product_name, product_category,
                                quantity, value, currency, order_id, query, device, country) values
              ('6f1c2d9e-0000-4000-8000-000000000001', 'odd', '2026-01-02 09:00:00+00', 'search', 'search', 'u,1', 's1', null, null, null,
               null, null, null, null, 'milch, "bio"', 'mobile', 'DE'),
              ('6f1c2d9e-0000-4000-8000-000000000002', 'odd', '2026-01-02 09:00:00.25+00', 'commerce', 'add_to_cart', 'u1', 's1', 'p1', 'Käse', 'dairy',
               3, 13.50, 'EUR', '', '', '', 'DE')
            on conflict do nothing;
            """, connection);
        await insert.ExecuteNonQueryAsync(Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData(Datasets.Orders, "odd", 3)]
    [InlineData(Datasets.OrderItems, "odd", 2)]
    [InlineData(Datasets.Events, "odd", 2)]
    [InlineData(Datasets.Orders, null, 3)] // every shop: the contract data lies in October, outside the range
    public async Task The_stores_csv_is_the_writers_csv_of_the_same_rows_byte_for_byte(string dataset, string? shop, int rows)
    {
        var times = new List<DateTimeOffset>();
        var table = ExportTables.Table(dataset, dataset, fixture.Store.Exports, new ExportRange(shop, From, To), times.Add, Ct);
        Assert.NotNull(table.StoreCsv);

        var (copied, copiedRows) = await CsvAsync(table);
        var (formatted, formattedRows) = await CsvAsync(table with { StoreCsv = null });

        Assert.Equal(Encoding.UTF8.GetString(formatted), Encoding.UTF8.GetString(copied));
        Assert.Equal(formatted, copied);
        Assert.Equal((rows, rows), (copiedRows, formattedRows));
        // The copy read the first row's time for progress, past the quoted fields before it.
        Assert.Equal(dataset == Datasets.Events ? new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(2026, 1, 2, 10, 0, 0, 500, TimeSpan.Zero), times[0]);
    }

    [Fact]
    public async Task The_stores_orders_csv_reads_as_expected()
    {
        var table = ExportTables.Table("orders", Datasets.Orders, fixture.Store.Exports, new ExportRange("odd", From, To), null, Ct);

        var csv = Encoding.UTF8.GetString((await CsvAsync(table)).Bytes);

        Assert.Equal(
            "\uFEFFshop_id,order_id,customer_id,status,created_at,updated_at,currency,channel,payment_method,country,city,coupon_code,"
            + "subtotal,discount,tax,shipping,total,units,line_count\r\n"
            + "odd,o-1,\"say \"\"cheese\"\", please\",paid,2026-01-02T10:00:00.5Z,2026-01-02T10:00:00Z,EUR,web,card,DE,Köln,,"
            + "0.00,-3.50,1.10,2.00,123456789012.34,1,1\r\n"
            + "odd,o-2,,paid,2026-01-02T10:00:00.623456Z,2026-01-03T00:00:00.000001Z,EUR,web,card,DE,\"two\nlines\",\"cr\rand crlf\r\nend\","
            + "13.50,0.00,0.00,0.00,13.50,2,1\r\n"
            + "odd,o-3,  spaces  ,shipped,2026-01-05T23:59:59.999999Z,2026-01-06T00:00:00Z,GBP,ios,apple_pay,GB,東京 🍣,\"\"\"quoted\"\"\","
            + "1.00,2.00,3.00,4.00,10.00,3,2\r\n",
            csv);
    }

    private static async Task<(byte[] Bytes, long Rows)> CsvAsync(ReportTable table)
    {
        var document = new ReportDocument
        {
            Title = table.Name, ShopId = "odd", Period = new ReportPeriod(From, To, "UTC"), Tables = [table],
        };
        var progress = new LastProgress();
        using var output = new MemoryStream();
        await new CsvReportWriter().WriteAsync(document, output, progress, Ct);
        return (output.ToArray(), progress.Rows);
    }

    private sealed class LastProgress : IProgress<ReportProgress>
    {
        public long Rows { get; private set; }

        public void Report(ReportProgress value) => Rows = value.RowsWritten;
    }
}
