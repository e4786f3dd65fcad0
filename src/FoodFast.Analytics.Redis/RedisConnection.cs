using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FoodFast.Analytics.Redis;

/// <summary>
/// One multiplexer per process for commands and subscriptions, connected lazily and never failing construction: with
/// <c>abortConnect=false</c> it keeps reconnecting in the background while Redis is down, and callers see fast failures
/// they can fall through. Subscribers that need Redis's order read a <see cref="ChannelMessageQueue"/>.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options)
    {
        Options = options.Value;
        var config = ConfigurationOptions.Parse(Options.Configuration);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = 2000;
        config.SyncTimeout = 2000;
        config.AsyncTimeout = 2000;
        config.ConnectRetry = 1;
        _multiplexer = new(() => ConnectionMultiplexer.ConnectAsync(config));
    }

    public RedisOptions Options { get; }

    public Task<ConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            _multiplexer.Value.Result.Dispose();
        }
    }
}
