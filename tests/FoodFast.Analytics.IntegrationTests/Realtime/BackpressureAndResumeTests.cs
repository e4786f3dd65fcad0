using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>A client that stops reading is dropped with a reason while others keep up; SSE delivers and resumes.</summary>
public sealed class BackpressureAndResumeTests(LiveApiFactory api) : IClassFixture<LiveApiFactory>
{
    private const int BurstSize = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_that_never_reads_is_dropped_with_the_reason_and_another_receives_everything()
    {
        const int orders = 1000;
        var key = (await api.CreateKeyAsync(Role.Analyst, "slow-shop")).Key;
        using var ingest = await api.CreateClientAsync(Role.Ingest, "slow-shop");
        using var stalled = await OpenStalledWebSocketAsync(key);
        await using var reader = await LiveSocket.ConnectAsync(api.StreamUri("topics=orders"), key, Ct);

        // Small bursts a reading client absorbs easily; together far more than the stalled one's buffers and queue.
        var now = DateTimeOffset.UtcNow;
        var received = new HashSet<string>();
        for (var start = 0; start < orders; start += BurstSize)
        {
            var batch = Enumerable.Range(start, BurstSize).Select(i => LiveOrders.At("slow-shop", $"s-{i:D4}", now)).ToList();
            using var response = await ingest.PostAsync("/api/v1/orders/batch", Sample.Json(batch), Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            while (received.Count < start + BurstSize)
            {
                var message = await reader.WaitForAsync(m => m.GetProperty("type").GetString() == "order.created", Patience, Ct);
                received.Add(message.GetProperty("data").GetProperty("orderId").GetString()!);
            }
        }
        Assert.Equal(orders, received.Count);

        // Now the stalled client reads: what was already in flight, then the close frame with the reason.
        var socket = WebSocket.CreateFromStream(stalled.GetStream(), new WebSocketCreationOptions { IsServer = false });
        var buffer = new byte[64 * 1024];
        var frames = 0;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(Patience);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, limit.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }
            frames += result.EndOfMessage ? 1 : 0;
        }
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal($"too slow: more than {LiveApiFactory.QueueCapacity} messages waiting", socket.CloseStatusDescription);
        Assert.InRange(frames, 1, orders - 1);
    }

    [Fact]
    public async Task Sse_delivers_events_and_resumes_after_the_last_event_id()
    {
        var key = (await api.CreateKeyAsync(Role.Analyst, "sse-shop")).Key;
        using var ingest = await api.CreateClientAsync(Role.Ingest, "sse-shop");
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        await using var witness = await LiveSocket.ConnectAsync(api.StreamUri("topics=orders"), key, Ct);
        string lastId;
        using (var first = await SseReader.OpenAsync(http, "/api/v1/stream/sse?topics=orders", key, null, Ct))
        {
            await ingest.PostAsync("/api/v1/orders", Sample.Json(LiveOrders.At("sse-shop", "e-1", DateTimeOffset.UtcNow)), Ct);
            var (id, data) = await first.NextAsync(Patience, Ct);
            Assert.Equal("order.created", data.GetProperty("type").GetString());
            Assert.Equal("e-1", data.GetProperty("data").GetProperty("orderId").GetString());
            lastId = id;
        }
        foreach (var orderId in new[] { "e-2", "e-3" })
        {
            await ingest.PostAsync("/api/v1/orders", Sample.Json(LiveOrders.At("sse-shop", orderId, DateTimeOffset.UtcNow)), Ct);
            await witness.WaitForAsync(m => m.GetProperty("data").GetProperty("orderId").GetString() == orderId, Patience, Ct);
        }

        using var resumed = await SseReader.OpenAsync(http, "/api/v1/stream/sse?topics=orders", key, lastId, Ct);
        var missed = new[] { await resumed.NextAsync(Patience, Ct), await resumed.NextAsync(Patience, Ct) };
        Assert.Equal(["e-2", "e-3"], missed.Select(m => m.Data.GetProperty("data").GetProperty("orderId").GetString()));
        Assert.NotEqual(lastId, missed[0].Id);
        Assert.NotEqual(missed[0].Id, missed[1].Id);

        await ingest.PostAsync("/api/v1/orders", Sample.Json(LiveOrders.At("sse-shop", "e-4", DateTimeOffset.UtcNow)), Ct);
        var live = await resumed.NextAsync(Patience, Ct);
        Assert.Equal("e-4", live.Data.GetProperty("data").GetProperty("orderId").GetString());
    }

    /// <summary>A WebSocket opened by hand on a socket with a tiny receive buffer, whose owner then stops reading.</summary>
    private async Task<TcpClient> OpenStalledWebSocketAsync(string key)
    {
        var tcp = new TcpClient { ReceiveBufferSize = 4096 };
        await tcp.ConnectAsync(api.BaseAddress.Host, api.BaseAddress.Port, Ct);
        var stream = tcp.GetStream();
        var handshake = $"GET /api/v1/stream?topics=orders HTTP/1.1\r\nHost: {api.BaseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {Convert.ToBase64String(Guid.NewGuid().ToByteArray())}\r\nSec-WebSocket-Version: 13\r\nX-Api-Key: {key}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake), Ct);
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(1, await stream.ReadAsync(one, Ct));
            head.Append((char)one[0]);
        }
        Assert.StartsWith("HTTP/1.1 101", head.ToString(), StringComparison.Ordinal);
        return tcp;
    }
}
