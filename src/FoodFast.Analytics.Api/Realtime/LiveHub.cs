using System.Collections.Concurrent;
using FoodFast.Analytics.Core.Hosting;
using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Core.Observability;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// This instance's rooms: receives every message from the bus, numbers it, keeps it for resume, and offers it to
/// the clients of its shop's room, of the all-shops room and, when it is aimed at a user, of that user's room
/// (see <see cref="LiveRooms"/>). Offering never blocks (see <see cref="LiveClient.Offer"/>).
/// </summary>
public sealed class LiveHub : BackgroundService
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<LiveClient, byte>> _rooms = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILiveBus _bus;
    private readonly IOptions<LiveOptions> _options;
    private readonly ILogger<LiveHub> _logger;
    private readonly FoodFastMetrics _metrics;
    private long _sequence;

    public LiveHub(ILiveBus bus, IOptions<LiveOptions> options, ILogger<LiveHub> logger, FoodFastMetrics metrics)
    {
        _bus = bus;
        _options = options;
        _logger = logger;
        _metrics = metrics;
        Resume = new(Guid.NewGuid().ToString("N")[..8], options.Value.ResumeBufferSize);
        metrics.ObserveLiveConnections(() => _rooms.Values.Sum(r => r.Count));
    }

    /// <summary>Completes once this instance hears the bus; streams wait briefly for it so their first messages are not missed.</summary>
    public Task Subscribed => _subscribed.Task;

    public ResumeBuffer Resume { get; }

    /// <summary>This instance's clients per room kind (<see cref="LiveRooms.CountField"/>), rooms without clients left out.</summary>
    public IReadOnlyDictionary<string, long> Presence() => _rooms
        .GroupBy(r => LiveRooms.CountField(r.Key), r => (long)r.Value.Count, StringComparer.Ordinal)
        .Select(g => KeyValuePair.Create(g.Key, g.Sum()))
        .Where(c => c.Value > 0)
        .ToDictionary(StringComparer.Ordinal);

    public LiveClient Join(string? shopId, string? userId, IReadOnlySet<string>? topics)
    {
        var client = new LiveClient(shopId, userId, topics, _options.Value.ClientQueueCapacity);
        _rooms.GetOrAdd(LiveRooms.Of(shopId, userId), _ => new()).TryAdd(client, 0);
        _ = client.Dropped.ContinueWith(_ => _metrics.LiveClientDropped(), TaskScheduler.Default);
        return client;
    }

    public void Leave(LiveClient client)
    {
        if (_rooms.TryGetValue(LiveRooms.Of(client.ShopId, client.UserId), out var room))
        {
            room.TryRemove(client, out _);
        }
    }

    public void Receive(LiveEnvelope envelope)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var frame = new LiveFrame(sequence, $"{Resume.Instance}-{sequence}", envelope);
        Resume.Add(frame);
        Offer(envelope.ShopId, frame);
        Offer(LiveRooms.AllShops, frame);
        if (envelope.UserId is not null)
        {
            Offer(LiveRooms.Of(envelope.ShopId, envelope.UserId), frame);
        }
    }

    private void Offer(string room, LiveFrame frame)
    {
        if (!_rooms.TryGetValue(room, out var clients))
        {
            return;
        }
        foreach (var client in clients.Keys)
        {
            if (client.Wants(frame.Envelope))
            {
                client.Offer(frame);
            }
        }
    }

    /// <summary>Subscribes, retrying while Redis is away at start; once subscribed the multiplexer keeps the subscription.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Retry.UntilDoneAsync(async token =>
        {
            await _bus.SubscribeAsync(Receive, token);
            _subscribed.TrySetResult();
        },
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30),
        (ex, delay) => _logger.LogWarning("Live feed not subscribed yet (retrying in {Delay}): {Error}", delay, ex.Message),
        stoppingToken);
}
