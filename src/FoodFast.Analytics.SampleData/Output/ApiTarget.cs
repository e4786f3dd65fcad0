using FoodFast.Analytics.SampleData.Generation;

namespace FoodFast.Analytics.SampleData.Output;

/// <summary>
/// Sends orders to <c>POST /api/v1/orders/batch</c> and events to <c>POST /api/v1/events/batch</c> in
/// batches of <see cref="ApiTargetOptions.BatchSize"/>. A full batch is held until the next item of its
/// kind arrives, so the last batch of each kind is known and can carry <c>?wait=true</c>.
/// </summary>
public sealed class ApiTarget(BatchPoster poster, ApiTargetOptions options) : ISampleTarget
{
    private readonly Pending orders = new("orders");
    private readonly Pending events = new("events");

    public BatchPoster Poster { get; } = poster;

    public async ValueTask WriteAsync(GeneratedItem item, CancellationToken cancellationToken)
    {
        var pending = item.Order is null ? events : orders;
        if (pending.Buffer.Count >= options.BatchSize)
        {
            await SendAsync(pending, wait: false, cancellationToken);
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
        foreach (var pending in new[] { orders, events })
        {
            if (pending.Buffer.Count > 0)
            {
                await SendAsync(pending, options.Wait, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task SendAsync(Pending pending, bool wait, CancellationToken cancellationToken)
    {
        await Poster.PostAsync(pending.Kind, pending.Buffer, pending.Sent, wait, cancellationToken);
        pending.Sent += pending.Buffer.Count;
        pending.Buffer.Clear();
    }

    private sealed class Pending(string kind)
    {
        public string Kind { get; } = kind;
        public ItemBuffer Buffer { get; } = new();
        public long Sent { get; set; }
    }
}
