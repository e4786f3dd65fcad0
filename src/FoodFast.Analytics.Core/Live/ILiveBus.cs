namespace FoodFast.Analytics.Core.Live;

/// <summary>
/// Carries live messages to every API instance (Redis pub/sub, one channel per shop), so a client on one
/// instance hears what was ingested on another. Publishing never throws: a lost live message is logged.
/// </summary>
public interface ILiveBus
{
    Task PublishAsync(IReadOnlyList<LiveEnvelope> messages, CancellationToken cancellationToken);

    /// <summary>Delivers every message of every shop to <paramref name="receive"/>, which must not block.</summary>
    Task SubscribeAsync(Action<LiveEnvelope> receive, CancellationToken cancellationToken);
}
