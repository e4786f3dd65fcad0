using System.Text;
using System.Diagnostics;
using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Core.Observability;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// Pumps a client's queue as Server-Sent Events: <c>id: {instance}-{n}</c> and <c>data: {json}</c>, a comment line
/// every heartbeat, and the resumed frames first. A dropped client gets a final comment and the stream ends.
/// </summary>
internal sealed class SseSession(HttpResponse response, LiveClient client, IReadOnlyList<LiveFrame> resumed, LiveOptions options, FoodFastMetrics metrics)
{
    private static readonly byte[] Heartbeat = ": keep-alive\n\n"u8.ToArray();
    private readonly SendPacer _pacer = new(options.SendIntervalMilliseconds);

    public async Task RunAsync(CancellationToken aborted)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        using var graceOver = client.GraceAfterDrop(TimeSpan.FromSeconds(options.CloseGraceSeconds));
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(aborted, graceOver.Token);
        var token = writing.Token;
        try
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"retry: 2000\n: stream of {client.ShopId ?? "all shops"}\n\n"), token);
            var last = 0L;
            foreach (var frame in resumed)
            {
                await WriteAsync(frame, token);
                last = frame.Sequence;
            }
            await response.Body.FlushAsync(token);
            await PumpAsync(last, token);
            if (client.DropReason is { } reason)
            {
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes($": closed: {reason}\n\n"), token);
                await response.Body.FlushAsync(token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client left, or was dropped and could not take the last words in time.
        }
    }

    private async Task PumpAsync(long resumedUpTo, CancellationToken token)
    {
        var queue = client.Queue;
        var heartbeat = TimeSpan.FromSeconds(options.HeartbeatSeconds);
        var waiting = queue.WaitToReadAsync(token).AsTask();
        // One timer per beat, not one per message: a busy stream would otherwise pile up pending delays.
        var beat = Task.Delay(heartbeat, token);
        while (true)
        {
            if (await Task.WhenAny(waiting, beat) == beat)
            {
                await response.Body.WriteAsync(Heartbeat, token);
                await response.Body.FlushAsync(token);
                beat = Task.Delay(heartbeat, token);
                continue;
            }
            if (!await waiting)
            {
                return;
            }
            await _pacer.WaitTurnAsync(token);
            var first = true;
            while (client.DropReason is null && queue.TryRead(out var frame))
            {
                if (first)
                {
                    metrics.LiveSendDelay(Stopwatch.GetElapsedTime(frame.ReceivedAt));
                    first = false;
                }
                // Frames that arrived while joining may also have been replayed.
                if (frame.Sequence > resumedUpTo)
                {
                    await WriteAsync(frame, token);
                }
            }
            if (client.DropReason is not null)
            {
                return;
            }
            await response.Body.FlushAsync(token);
            _pacer.Wrote();
            waiting = queue.WaitToReadAsync(token).AsTask();
        }
    }

    private ValueTask WriteAsync(LiveFrame frame, CancellationToken token) => response.Body.WriteAsync(frame.ServerSentEvent, token);
}
