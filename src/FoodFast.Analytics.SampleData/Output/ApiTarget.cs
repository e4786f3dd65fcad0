using FoodFast.Analytics.SampleData.Generation;

namespace FoodFast.Analytics.SampleData.Output;

/// <summary>
/// Sends orders to <c>POST /api/v1/orders/batch</c> and events to <c>POST /api/v1/events/batch</c> in
/// batches of <see cref="ApiTargetOptions.BatchSize"/>, up to <see cref="ApiTargetOptions.Concurrency"/> at
/// once. A full batch is held until the next item of its kind arrives, so the last batch of each kind is
/// known; it is sent after every other batch has landed and can carry <c>?wait=true</c>.
/// </summary>
public sealed class ApiTarget(BatchPoster poster, ApiTargetOptions options) : ISampleTarget
{
    private readonly Pending orders = new("orders");
    private readonly Pending events = new("events");
    private readonly List<Task> inFlight = [];

    public BatchPoster Poster { get; } = poster;

    public async ValueTask WriteAsync(GeneratedItem item, CancellationToken cancellationToken)
    {
        var pending = item.Order is null ? events : orders;
        if (pending.Buffer.Count >= options.BatchSize)
        {
            await SendAsync(pending, cancellationToken);
        }
        if (item.Order is { } order)
        {
            pending.Buffer.Add(order);
        }
        else
        {
            pending.Buffer.Add(item.Event);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(inFlight);
        inFlight.Clear();
        foreach (var pending in new[] { orders, events })
        {
            if (pending.Buffer.Count > 0)
            {
                await Poster.PostAsync(pending.Kind, pending.Buffer, pending.Sent, options.Wait, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task SendAsync(Pending pending, CancellationToken cancellationToken)
    {
        while (inFlight.Count >= Math.Max(1, options.Concurrency))
        {
            var done = await Task.WhenAny(inFlight);
            inFlight.Remove(done);
            await done; // a batch that could not be delivered stops the run here
        }
        inFlight.Add(Poster.PostAsync(pending.Kind, pending.Buffer, pending.Sent, wait: false, cancellationToken));
        pending.Sent += pending.Buffer.Count;
        pending.Buffer = new ItemBuffer();
    }

    private sealed class Pending(string kind)
    {
        public string Kind { get; } = kind;
        public ItemBuffer Buffer { get; set; } = new();
        public long Sent { get; set; }
    }
}
