using System.Threading.Channels;
using FoodFast.Analytics.Core.Live;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>A message as this instance numbered it: <see cref="Id"/> is what SSE sends as <c>id:</c>.</summary>
public sealed record LiveFrame(long Sequence, string Id, LiveEnvelope Envelope)
{
    /// <summary>When the hub received it (<see cref="System.Diagnostics.Stopwatch"/> ticks), to measure how long it waits here.</summary>
    public long ReceivedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    private byte[]? _webSocketFrame;
    private byte[]? _serverSentEvent;

    /// <summary>The message as a WebSocket frame, built by the first client that sends it and shared by the rest.</summary>
    public byte[] WebSocketFrame => _webSocketFrame ??= WebSocketFrames.Text(Envelope.Json);

    /// <summary>The message as a Server-Sent Event (<c>id:</c> and <c>data:</c> lines), built once like <see cref="WebSocketFrame"/>.</summary>
    public byte[] ServerSentEvent => _serverSentEvent ??= [.. System.Text.Encoding.UTF8.GetBytes($"id: {Id}\ndata: "), .. Envelope.Json, .. "\n\n"u8];
}

/// <summary>
/// One connected client: its room (a shop, one user of a shop, or all shops for an admin), its topics, and a bounded queue.
/// The hub never waits on a client: when the queue is full the client is dropped with <see cref="DropReason"/>.
/// </summary>
public sealed class LiveClient
{
    private readonly Channel<LiveFrame> _queue;
    private readonly TaskCompletionSource _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveClient(string? shopId, string? userId, IReadOnlySet<string>? topics, int capacity)
    {
        ShopId = shopId;
        UserId = userId;
        Topics = topics;
        Capacity = capacity;
        _queue = Channel.CreateBounded<LiveFrame>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>The shop room; null is the all-shops room.</summary>
    public string? ShopId { get; }

    /// <summary>The user room within the shop: only messages aimed at this user. Null for the shop room.</summary>
    public string? UserId { get; }

    /// <summary>Topics to receive; null means all.</summary>
    public IReadOnlySet<string>? Topics { get; }

    public int Capacity { get; }

    public string? DropReason { get; private set; }

    /// <summary>Completes when the client is dropped.</summary>
    public Task Dropped => _dropped.Task;

    public ChannelReader<LiveFrame> Queue => _queue.Reader;

    public bool Wants(LiveEnvelope envelope) =>
        (ShopId is null || ShopId == envelope.ShopId) && (UserId is null || UserId == envelope.UserId)
        && (Topics is null || Topics.Contains(LiveTypes.TopicOf(envelope.Type)));

    /// <summary>Queues without waiting; a full queue drops the client.</summary>
    public void Offer(LiveFrame frame)
    {
        if (DropReason is null && !_queue.Writer.TryWrite(frame))
        {
            Drop($"too slow: more than {Capacity} messages waiting");
        }
    }

    /// <summary>A source cancelled <paramref name="grace"/> after the client is dropped: how long a blocked write may still take.</summary>
    public CancellationTokenSource GraceAfterDrop(TimeSpan grace)
    {
        var source = new CancellationTokenSource();
        _ = Dropped.ContinueWith(_ =>
        {
            try
            {
                source.CancelAfter(grace);
            }
            catch (ObjectDisposedException)
            {
                // The session ended before the drop.
            }
        }, TaskScheduler.Default);
        return source;
    }

    public void Drop(string reason)
    {
        lock (_queue)
        {
            if (DropReason is not null)
            {
                return;
            }
            DropReason = reason;
        }
        _queue.Writer.TryComplete();
        _dropped.TrySetResult();
    }
}
