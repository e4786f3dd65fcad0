using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FoodFast.Analytics.Redis;

/// <summary>
/// Two multiplexers per process, connected lazily and never failing construction: with <c>abortConnect=false</c>
/// they keep reconnecting in the background while Redis is down, and callers see fast failures they can fall through.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly ConfigurationOptions _config;
    private readonly Lazy<Task<ConnectionMultiplexer>> _commands;
    private readonly Lazy<Task<ConnectionMultiplexer>> _subscriptions;

    public RedisConnection(IOptions<RedisOptions> options)
    {
        Options = options.Value;
        _config = ConfigurationOptions.Parse(Options.Configuration);
        _config.AbortOnConnectFail = false;
        _config.ConnectTimeout = 2000;
        _config.SyncTimeout = 2000;
        _config.ConnectRetry = 1;
        _commands = new(() => ConnectAsync(preserveOrder: false));
        _subscriptions = new(() => ConnectAsync(preserveOrder: true));
    }

    public RedisOptions Options { get; }

    /// <summary>
    /// Commands. StackExchange.Redis 1.2.6 defaults to <c>PreserveAsyncOrder=true</c>: every completion and every pub/sub
    /// message then waits in one queue drained by one thread, so a busy subscription delays every command (the live-feed
    /// benchmark's publishes and counters timed out behind it). Off here: each completion goes to the thread pool.
    /// </summary>
    public Task<ConnectionMultiplexer> GetAsync() => _commands.Value;

    /// <summary>Subscriptions only: their own connection, whose messages are handled one at a time in the order Redis sent them.</summary>
    public Task<ConnectionMultiplexer> GetSubscriberAsync() => _subscriptions.Value;

    private async Task<ConnectionMultiplexer> ConnectAsync(bool preserveOrder)
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(_config.Clone());
        multiplexer.PreserveAsyncOrder = preserveOrder;
        return multiplexer;
    }

    public void Dispose()
    {
        foreach (var multiplexer in new[] { _commands, _subscriptions })
        {
            if (multiplexer.IsValueCreated && multiplexer.Value.IsCompletedSuccessfully)
            {
                multiplexer.Value.Result.Dispose();
            }
        }
    }
}
