using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>A test's WebSocket client of the live feed: connects with a key header and reads JSON messages.</summary>
public sealed class LiveSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocket Socket => _socket;

    public static async Task<LiveSocket> ConnectAsync(Uri uri, string apiKey, CancellationToken cancellationToken)
    {
        var live = new LiveSocket();
        live._socket.Options.SetRequestHeader("X-Api-Key", apiKey);
        await live._socket.ConnectAsync(uri, cancellationToken);
        return live;
    }

    /// <summary>The next message, or null when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<JsonElement?> NextAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, limit.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Messages until one matches, skipping others; fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = new StringBuilder();
        while (DateTime.UtcNow < deadline)
        {
            if (await NextAsync(deadline - DateTime.UtcNow, cancellationToken) is { } message)
            {
                if (match(message))
                {
                    return message;
                }
                seen.AppendLine(message.GetRawText());
            }
        }
        throw new TimeoutException($"no matching message within {timeout}; saw:\n{seen}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", limit.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // The server may already be gone.
            }
        }
        _socket.Dispose();
    }
}
