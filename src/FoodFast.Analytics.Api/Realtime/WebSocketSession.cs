using System.Diagnostics;
using System.Net.WebSockets;
using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Core.Observability;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// Pumps a client's queue into its WebSocket, one text message per live message: what is queued when its turn comes
/// (see <see cref="SendPacer"/>) goes out in one write of ready-made frames on the <see cref="WebSocketTransportStream"/>
/// (up to <see cref="BatchBytes"/>), or one send per message when there is none (HTTP/2). A dropped client gets a
/// close frame (1008, the reason) once its pending send completes, or is aborted after the close grace.
/// The receive side only watches for the client's close; clients have nothing to say.
/// </summary>
internal sealed class WebSocketSession(WebSocket socket, WebSocketTransportStream? transport, LiveClient client, LiveOptions options, FoodFastMetrics metrics)
{
    private const int BatchBytes = 64 * 1024;
    private readonly TimeSpan _grace = TimeSpan.FromSeconds(options.CloseGraceSeconds);
    private readonly SendPacer _pacer = new(options.SendIntervalMilliseconds);

    public async Task RunAsync(CancellationToken aborted)
    {
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var receiving = WatchForCloseAsync(gone);
        using var graceOver = client.GraceAfterDrop(_grace);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(gone.Token, graceOver.Token);
        try
        {
            await PumpAsync(sending.Token);
            if (client.DropReason is { } reason && socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, Truncate(reason), sending.Token);
                await receiving.WaitAsync(_grace, aborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or TimeoutException)
        {
            if (socket.State == WebSocketState.CloseReceived && !aborted.IsCancellationRequested)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
            else if (socket.State != WebSocketState.Closed)
            {
                socket.Abort();
            }
        }
        finally
        {
            await gone.CancelAsync();
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var queue = client.Queue;
        var batch = new List<byte[]>();
        while (await queue.WaitToReadAsync(cancellationToken))
        {
            await _pacer.WaitTurnAsync(cancellationToken);
            var bytes = 0;
            while (client.DropReason is null && bytes < BatchBytes && queue.TryRead(out var frame))
            {
                if (bytes == 0)
                {
                    metrics.LiveSendDelay(Stopwatch.GetElapsedTime(frame.ReceivedAt));
                }
                if (transport is null)
                {
                    await socket.SendAsync(frame.Envelope.Json, WebSocketMessageType.Text, true, cancellationToken);
                    bytes += frame.Envelope.Json.Length;
                    continue;
                }
                batch.Add(frame.WebSocketFrame);
                bytes += frame.WebSocketFrame.Length;
            }
            if (batch.Count > 0)
            {
                await transport!.WriteFramesAsync(batch, cancellationToken);
                batch.Clear();
            }
            _pacer.Wrote();
            if (client.DropReason is not null)
            {
                return;
            }
        }
    }

    private async Task WatchForCloseAsync(CancellationTokenSource gone)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, gone.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The connection is going either way.
        }
        if (client.DropReason is null)
        {
            await gone.CancelAsync();
        }
    }

    /// <summary>A close reason is at most 123 UTF-8 bytes.</summary>
    private static string Truncate(string reason) => reason.Length <= 120 ? reason : reason[..120];
}
