using FoodFast.Analytics.Reports.Definitions;

namespace FoodFast.Analytics.UnitTests.Reports;

/// <summary>The export's read-ahead: every row once and in order, failures as they were, and a bounded lead.</summary>
public sealed class ReadAheadTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async IAsyncEnumerable<int> Numbers(int count, RowCounter counter, int failAt = -1)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            if (i == failAt)
            {
                throw new InvalidOperationException($"row {i} could not be read");
            }
            counter.Read();
            yield return i;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(512)]
    [InlineData(2_049)]
    public async Task Every_row_arrives_once_and_in_order_across_batches(int count)
    {
        var read = new List<int>();
        await foreach (var row in ReadAhead.Of(Numbers(count, new RowCounter()), batchSize: 512, batches: 4, Token))
        {
            read.Add(row);
        }

        Assert.Equal(Enumerable.Range(1, count), read);
    }

    [Fact]
    public async Task A_failing_source_fails_the_reader_with_its_own_exception_after_the_rows_before_it()
    {
        var read = new List<int>();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var row in ReadAhead.Of(Numbers(100, new RowCounter(), failAt: 31), batchSize: 10, batches: 2, Token))
            {
                read.Add(row);
            }
        });

        Assert.Equal("row 31 could not be read", failure.Message);
        Assert.Equal(Enumerable.Range(1, 30), read);
    }

    [Fact]
    public async Task The_source_runs_at_most_the_bounded_lead_ahead_and_stops_when_the_reader_does()
    {
        var counter = new RowCounter();
        await using (var rows = ReadAhead.Of(Numbers(1_000_000, counter), batchSize: 100, batches: 2, Token).GetAsyncEnumerator(Token))
        {
            Assert.True(await rows.MoveNextAsync());
            Assert.Equal(1, rows.Current);
            // Let the reader run: whatever the timing, it holds at most the batch handed over, two queued and one filling.
            await Task.Delay(300, Token);
            Assert.InRange(counter.Rows, 100, 400);
        }
        var stoppedAt = counter.Rows;

        // Disposing waited for the reader to stop: nothing is read after it.
        await Task.Yield();
        Assert.Equal(stoppedAt, counter.Rows);
    }
}
