using System.Collections.Concurrent;
using FoodFast.Analytics.Core.Ingestion;

namespace FoodFast.Analytics.UnitTests.Ingestion;

public sealed class ObserverQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static IngestEntry[] Entries(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new IngestEntry(IngestKind.Event, $"{prefix}{i}", new FoodFast.Analytics.Core.Storage.SinkItem())).ToArray();

    /// <summary>Records each call's shop ids; the first call waits until <see cref="Release"/>.</summary>
    private sealed class GatedObserver(bool throwFirst = false) : IIngestionObserver
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource FirstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly ConcurrentQueue<string[]> Calls = new();

        public void Release() => _gate.TrySetResult();

        public async Task OnAcceptedAsync(IReadOnlyList<IngestEntry> entries, CancellationToken cancellationToken)
        {
            Calls.Enqueue(entries.Select(e => e.ShopId).ToArray());
            if (FirstCall.TrySetResult())
            {
                await _gate.Task;
                if (throwFirst)
                {
                    throw new InvalidOperationException("observer failed");
                }
            }
        }
    }

    private static async Task DrainAsync(ObserverQueue queue)
    {
        queue.Dispose();
        await queue.Completion.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task What_arrives_while_the_observer_is_busy_reaches_it_in_one_call_in_order()
    {
        var observer = new GatedObserver();
        var queue = new ObserverQueue(observer, null);
        queue.Post(Entries("a", 1));
        await observer.FirstCall.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        queue.Post(Entries("b", 2));
        queue.Post(Entries("c", 1));
        observer.Release();
        await DrainAsync(queue);

        Assert.Equal([["a0"], ["b0", "b1", "c0"]], observer.Calls.ToArray());
    }

    [Fact]
    public async Task A_failing_call_does_not_stop_the_ones_after_it()
    {
        var observer = new GatedObserver(throwFirst: true);
        var queue = new ObserverQueue(observer, null);
        queue.Post(Entries("a", 1));
        await observer.FirstCall.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        queue.Post(Entries("b", 1));
        observer.Release();
        await DrainAsync(queue);

        Assert.Equal([["a0"], ["b0"]], observer.Calls.ToArray());
    }

    [Fact]
    public async Task Past_the_pending_limit_new_entries_skip_the_observer_and_calls_stay_bounded()
    {
        var observer = new GatedObserver();
        var queue = new ObserverQueue(observer, null);
        queue.Post(Entries("first", 1));
        await observer.FirstCall.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        for (var i = 0; i < ObserverQueue.MaxPending / 1000; i++)
        {
            queue.Post(Entries("x", 1000));
        }
        queue.Post(Entries("over", 1));
        observer.Release();
        await DrainAsync(queue);

        var calls = observer.Calls.ToArray();
        Assert.Equal(1 + ObserverQueue.MaxPending, calls.Sum(c => c.Length));
        Assert.DoesNotContain(calls, c => c.Contains("over0"));
        Assert.All(calls, c => Assert.InRange(c.Length, 1, ObserverQueue.MaxPerCall));
    }
}
