using System.Net.WebSockets;
using FoodFast.Analytics.Core.Live;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// Pumps a client's queue into its WebSocket, one text message per live message. A dropped client gets a
/// close frame (1008, the reason) once its pending send completes, or is aborted after the close grace.
/// The receive side only watches for the client's close; clients have nothing to say.
/// </summary>
internal sealed class WebSocketSession(WebSocket socket, LiveClient client, LiveOptions options)
{
    private readonly TimeSpan _grace = TimeSpan.FromSeconds(options.CloseGraceSeconds);

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
        while (await queue.WaitToReadAsync(cancellationToken))
        {
            while (client.DropReason is null && queue.TryRead(out var frame))
            {
                await socket.SendAsync(frame.Envelope.Json, WebSocketMessageType.Text, true, cancellationToken);
            }
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
