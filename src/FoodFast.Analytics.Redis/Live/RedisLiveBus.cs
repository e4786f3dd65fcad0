using System.Text.Json;
using FoodFast.Analytics.Core.Live;
using Microsoft.Extensions.Logging;
using FoodFast.Analytics.Core.Observability;
using StackExchange.Redis;

namespace FoodFast.Analytics.Redis.Live;

/// <summary>
/// Live messages over Redis pub/sub: one channel per shop under the key prefix; every instance subscribes to the
/// pattern (on the subscription connection, so messages are handled in order) and hands each message to its own
/// clients. The multiplexer resubscribes by itself after a reconnect.
/// </summary>
public sealed class RedisLiveBus(RedisConnection connection, ILogger<RedisLiveBus> logger, FoodFastMetrics metrics) : ILiveBus
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);
    private readonly LiveKeys _keys = new(connection.Options.KeyPrefix);

    /// <summary>
    /// Fire-and-forget: the messages are written to the connection in order and nothing waits for Redis to acknowledge
    /// them (a PUBLISH answer is only the number of listeners). A disconnected Redis fails at once and is logged.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<LiveEnvelope> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }
        try
        {
            var subscriber = (await connection.GetAsync().WaitAsync(Patience, cancellationToken)).GetSubscriber();
            foreach (var message in messages)
            {
                subscriber.Publish(RedisChannel.Literal(_keys.Channel(message.ShopId)), message.Json, CommandFlags.FireAndForget);
            }
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
        var pattern = RedisChannel.Pattern(_keys.ChannelPattern);
        // A message queue hands messages over one at a time, in the order Redis sent them (plain handlers run concurrently).
        var queue = await multiplexer.GetSubscriber().SubscribeAsync(pattern).WaitAsync(cancellationToken);
        queue.OnMessage(message =>
        {
            if (Read(_keys.ShopOfChannel(message.Channel!), message.Message!) is { } envelope)
            {
                receive(envelope);
            }
        });
    }

    private LiveEnvelope? Read(string shopId, byte[] json)
    {
        try
        {
            return LiveEnvelope.Read(shopId, json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Ignored a live message that is not JSON: {Error}", ex.Message);
            return null;
        }
    }
}
