namespace FoodFast.Analytics.Core.Live;

/// <summary>The bus without Redis: messages reach only this instance's clients (single-instance mode).</summary>
public sealed class InProcessLiveBus : ILiveBus
{
    private Action<LiveEnvelope>? _receive;

    public Task PublishAsync(IReadOnlyList<LiveEnvelope> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            _receive?.Invoke(message);
        }
        return Task.CompletedTask;
    }

    public Task SubscribeAsync(Action<LiveEnvelope> receive, CancellationToken cancellationToken)
    {
        _receive += receive;
        return Task.CompletedTask;
    }
}
