using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.Reports.Writers.Csv;
using FoodFast.Analytics.Reports.Writers.Xlsx;

namespace FoodFast.Analytics.Bench.Paths;

/// <summary>
/// The report writers alone, without Postgres or the file store: <see cref="Rows"/> raw_orders rows from memory through
/// the same mapping the job uses (<see cref="ExportTables.Read"/>), into a stream that only counts bytes. The baseline
/// is the cheapest loop over the same rows: each value's invariant text through a plain <see cref="StreamWriter"/>.
/// One operation writes every row once, so rows/s = Rows / mean. Run in process, a few long iterations:
/// <c>paths --filter '*ReportWriter*' --inProcess --strategy Monitoring --launchCount 1 --warmupCount 2 --iterationCount 7</c>.
/// </summary>
[MemoryDiagnoser]
public class ReportWriterBenchmarks
{
    private static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Statuses = ["paid", "shipped", "delivered", "cancelled"];
    private static readonly string[] Channels = ["web", "ios", "android", "api"];
    private ExportedOrder[] _orders = [];

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _orders = Enumerable.Range(1, Rows).Select(Order).ToArray();

    /// <summary>The shape bench/export.sh generates in SQL: one order every 30 s, two currencies, no coupon.</summary>
    internal static ExportedOrder Order(int i) => new(
        "bench", $"o-{i}", $"c-{i % 50000}", Statuses[i % 4],
        From.AddSeconds(30 * i), From.AddSeconds(30 * i).AddHours(1), i % 2 == 0 ? "EUR" : "GBP",
        Channels[i % 4], "card", "DE", "Berlin", null,
        (i % 97) + 5.25m, 0m, 1.10m, 2.00m, (i % 97) + 8.35m, 1 + (i % 5), 1);

    [Benchmark(Baseline = true, Description = "StreamWriter, invariant ToString per value")]
    public async Task<long> PlainLoop()
    {
        var (_, columns, rows) = Read();
        var output = new CountingStream();
        await using (var writer = new StreamWriter(output, bufferSize: 1 << 16, leaveOpen: true))
        {
            await foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    writer.Write(Convert.ToString(row[i], CultureInfo.InvariantCulture));
                    writer.Write(',');
                }
                writer.Write("\r\n");
            }
        }
        return output.Length;
    }

    [Benchmark(Description = "CsvReportWriter")]
    public Task<long> Csv() => WriteAsync(new CsvReportWriter());

    [Benchmark(Description = "XlsxReportWriter")]
    public Task<long> Xlsx() => WriteAsync(new XlsxReportWriter());

    private async Task<long> WriteAsync(IReportWriter writer)
    {
        var period = new ReportPeriod(From, From.AddYears(1), "Europe/Berlin");
        var document = new ReportDocument { Title = "Orders", ShopId = "bench", Period = period, Tables = [Read()] };
        var output = new CountingStream();
        await writer.WriteAsync(document, output, null, CancellationToken.None);
        return output.Length;
    }

    private ReportTable Read() =>
        ExportTables.Table("Orders", Datasets.Orders, new MemoryExports(_orders), new ExportRange("bench", From, From.AddYears(1)), null, CancellationToken.None);

    private sealed class MemoryExports(ExportedOrder[] orders) : IExportSource
    {
        public async IAsyncEnumerable<ExportedOrder> OrdersAsync(ExportRange range, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var order in orders)
            {
                yield return order;
            }
            await Task.CompletedTask;
        }

        public IAsyncEnumerable<ExportedOrderItem> OrderItemsAsync(ExportRange range, CancellationToken cancellationToken) => throw new NotSupportedException();

        // No CSV of its own: the writer formats the rows, which is what this benchmark measures.
        public Task<TextReader?> OpenCsvAsync(string dataset, ExportRange range, CancellationToken cancellationToken) => Task.FromResult<TextReader?>(null);

        public IAsyncEnumerable<ExportedEvent> EventsAsync(ExportRange range, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}

/// <summary>A write-only, forward-only sink that keeps nothing but the byte count (like a socket: not seekable).</summary>
internal sealed class CountingStream : Stream
{
    private long _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => _length += count;
    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _length += buffer.Length;
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _length += count;
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
