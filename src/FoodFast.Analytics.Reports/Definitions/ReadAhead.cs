using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>
/// Reads a row source ahead on a task of its own, in batches, through a bounded channel: the store's reader (parsing
/// rows off the socket) and the writer (formatting, deflate) then run on two cores instead of taking turns on one.
/// At most <c>batches × batchSize</c> rows wait, so memory stays flat; disposing the result stops the reader.
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int batchSize, int batches,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(batches) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => FillAsync(source, channel.Writer, batchSize, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    foreach (var item in batch)
                    {
                        yield return item;
                    }
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }
    }

    // Never throws: a failure of the source completes the channel with it, and the consumer sees it as its own.
    private static async Task FillAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T[]> writer, int batchSize, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new T[batchSize];
            var count = 0;
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                batch[count++] = item;
                if (count == batchSize)
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    batch = new T[batchSize];
                    count = 0;
                }
            }
            if (count > 0)
            {
                await writer.WriteAsync(batch[..count], cancellationToken);
            }
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }
}
