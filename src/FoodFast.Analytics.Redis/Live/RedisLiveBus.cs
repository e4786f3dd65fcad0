using System.Text.Json;
using FoodFast.Analytics.Core.Live;
using Microsoft.Extensions.Logging;
using FoodFast.Analytics.Core.Observability;
using StackExchange.Redis;

namespace FoodFast.Analytics.Redis.Live;

/// <summary>
/// Live messages over Redis pub/sub: one channel per shop under the key prefix; every instance subscribes to the
/// pattern and hands each message to its own clients. The multiplexer resubscribes by itself after a reconnect.
/// </summary>
public sealed class RedisLiveBus(RedisConnection connection, ILogger<RedisLiveBus> logger, FoodFastMetrics metrics) : ILiveBus
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);
    private readonly LiveKeys _keys = new(connection.Options.KeyPrefix);

    public async Task PublishAsync(IReadOnlyList<LiveEnvelope> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(Patience, cancellationToken);
            var subscriber = multiplexer.GetSubscriber();
            await Task.WhenAll(messages.Select(m => subscriber.PublishAsync(_keys.Channel(m.ShopId), m.Json))).WaitAsync(Patience, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            metrics.DependencyError(Dependencies.Redis);
            logger.LogWarning("{Count} live messages not published, Redis unavailable: {Error}", messages.Count, ex.Message);
        }
    }

    public async Task SubscribeAsync(Action<LiveEnvelope> receive, CancellationToken cancellationToken)
    {
        var multiplexer = await connection.GetAsync().WaitAsync(cancellationToken);
        var pattern = new RedisChannel(_keys.ChannelPattern, RedisChannel.PatternMode.Pattern);
        await multiplexer.GetSubscriber().SubscribeAsync(pattern, (channel, value) =>
        {
            byte[] json = value!;
            if (TypeOf(json) is { } type)
            {
                receive(new LiveEnvelope(_keys.ShopOfChannel(channel!), type, json));
            }
        }).WaitAsync(cancellationToken);
    }

    private string? TypeOf(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Ignored a live message that is not JSON: {Error}", ex.Message);
            return null;
        }
    }
}
