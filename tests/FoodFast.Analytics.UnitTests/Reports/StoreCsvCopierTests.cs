using System.Text;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.Reports.Writers.Csv;

namespace FoodFast.Analytics.UnitTests.Reports;

public sealed class StoreCsvCopierTests
{
    // Three rows from a store: a quoted field with a line break and a CRLF inside, a doubled quote, an empty field.
    private const string StoreRows =
        "a,\"two\nlines\",2026-01-02T10:00:00.5Z,1.50\n"
        + "b,\"say \"\"hi\"\", \r\nthen go\",2026-01-02T11:00:00Z,\n"
        + ",plain,2026-01-03T00:00:00.000001Z,0.00\n";

    private const string ReportRows =
        "a,\"two\nlines\",2026-01-02T10:00:00.5Z,1.50\r\n"
        + "b,\"say \"\"hi\"\", \r\nthen go\",2026-01-02T11:00:00Z,\r\n"
        + ",plain,2026-01-03T00:00:00.000001Z,0.00\r\n";

    [Fact]
    public async Task Row_ends_become_crlf_and_breaks_inside_quotes_stay_wherever_the_reads_split_the_text()
    {
        for (var chunk = 1; chunk <= StoreRows.Length; chunk++)
        {
            var (text, rows, times) = await CopyAsync(StoreRows, chunk);

            Assert.Equal(ReportRows, text);
            Assert.Equal(3, rows);
            Assert.Equal(new DateTimeOffset(2026, 1, 2, 10, 0, 0, 500, TimeSpan.Zero), Assert.Single(times));
        }
    }

    [Fact]
    public async Task Progress_sees_a_time_after_every_interval_of_rows()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var csv = string.Concat(Enumerable.Range(0, 2500).Select(i => $"x,\"q,{i}\",{start.AddMinutes(i).UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z,1\n"));

        var (_, rows, times) = await CopyAsync(csv, 1 << 15);

        Assert.Equal(2500, rows);
        Assert.Equal([start, start.AddMinutes(1000), start.AddMinutes(2000)], times);
    }

    [Theory]
    [InlineData("a,b,2026-01-02T10:00:00Z,1", true)]
    [InlineData("\"a,\"\"x\"\"\",\"b\nc\",2026-01-02T10:00:00Z", true)]
    [InlineData("a,\"unclosed,2026-01-02T10:00:00Z", false)]
    [InlineData("a,b", false)]
    [InlineData("a,b,not a time,1", false)]
    public void The_time_field_is_found_past_quoted_fields(string row, bool found)
    {
        Assert.Equal(found, StoreCsvCopier.TryReadTime(row, 2, out var time));
        Assert.Equal(found ? new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero) : default, time);
    }

    private static async Task<(string Text, long Rows, List<DateTimeOffset> Times)> CopyAsync(string csv, int chunk)
    {
        var times = new List<DateTimeOffset>();
        var progress = new LastRows();
        var rows = new RowProgress(progress);
        var buffer = new Utf8Buffer();
        using var output = new MemoryStream();
        var source = new StoreCsv(_ => Task.FromResult<TextReader?>(null), 2, times.Add);

        await new StoreCsvCopier(source, rows).CopyAsync(new TricklingReader(csv, chunk), buffer, output, CancellationToken.None);
        await buffer.FlushToAsync(output, CancellationToken.None);
        rows.Completed();

        return (Encoding.UTF8.GetString(output.ToArray()), progress.Rows, times);
    }

    private sealed class LastRows : IProgress<ReportProgress>
    {
        public long Rows { get; private set; }

        public void Report(ReportProgress value) => Rows = value.RowsWritten;
    }

    /// <summary>Hands out at most <paramref name="chunk"/> characters per read, as a socket might.</summary>
    private sealed class TricklingReader(string text, int chunk) : TextReader
    {
        private int position;

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            var count = Math.Min(Math.Min(chunk, buffer.Length), text.Length - position);
            text.AsSpan(position, count).CopyTo(buffer.Span);
            position += count;
            return ValueTask.FromResult(count);
        }
    }
}
