using System.Diagnostics;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>Spaces one client's writes at least <see cref="Core.Live.LiveOptions.SendIntervalMilliseconds"/> apart.</summary>
internal sealed class SendPacer(int intervalMilliseconds)
{
    private long _lastWrite = long.MinValue;

    /// <summary>Completes when the interval since the last write has passed (at once when it has).</summary>
    public Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (_lastWrite == long.MinValue || intervalMilliseconds == 0)
        {
            return Task.CompletedTask;
        }
        var left = TimeSpan.FromMilliseconds(intervalMilliseconds) - Stopwatch.GetElapsedTime(_lastWrite);
        return left > TimeSpan.Zero ? Task.Delay(left, cancellationToken) : Task.CompletedTask;
    }

    public void Wrote() => _lastWrite = Stopwatch.GetTimestamp();
}
