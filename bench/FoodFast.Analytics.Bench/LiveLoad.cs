using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Bench;

/// <summary>
/// The live-feed benchmark's two processes: listeners (many WebSocket clients across shops, measuring delivery
/// latency) and a producer (orders at a fixed rate). Latency is receipt time minus the order's <c>updatedAt</c>,
/// which the producer sets to the moment it sends: ingest request to client receipt, same clock.
/// </summary>
internal static class LiveLoad
{
    /// <summary>
    /// Connects the clients, says so in <paramref name="readyFile"/>, and records nothing until <paramref name="measureFile"/>
    /// appears holding a Unix time in milliseconds: from then on, orders sent at or after it, for <paramref name="seconds"/>
    /// and then until the feed goes quiet. What comes before is the warm-up, run by this same process so that its own
    /// receive path is compiled and tiered up too (a fresh listener fell seconds behind in its first five seconds).
    /// </summary>
    public static async Task<int> ListenAsync(Uri api, string key, int clients, int shops, int seconds, string readyFile, string measureFile)
    {
        var sockets = new List<ClientWebSocket>();
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < clients; start += 50)
        {
            var batch = Enumerable.Range(start, Math.Min(50, clients - start)).Select(async i =>
            {
                var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("X-Api-Key", key);
                var uri = new UriBuilder(api) { Scheme = "ws", Path = "/api/v1/stream", Query = $"shopId=bench-{i % shops}&topics=orders,analytics" }.Uri;
                await socket.ConnectAsync(uri, CancellationToken.None);
                return socket;
            });
            sockets.AddRange(await Task.WhenAll(batch));
        }
        Console.WriteLine($"live: {sockets.Count} clients connected in {clock.Elapsed.TotalSeconds:0.0} s");
        await File.WriteAllTextAsync(readyFile, "ready");
        using var stop = new CancellationTokenSource();
        var listening = Task.WhenAll(sockets.Select(s => ReceiveAsync(s, stop.Token)));
        while (!File.Exists(measureFile))
        {
            await Task.Delay(50);
        }
        Volatile.Write(ref _measureFrom, long.Parse(await File.ReadAllTextAsync(measureFile), CultureInfo.InvariantCulture));
        clock.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await StopWhenQuietAsync(clock, TimeSpan.FromSeconds(seconds), stop);
        var results = await listening;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live: listener cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s over {clock.Elapsed.TotalSeconds:0} s"));
        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var toMessage = results.SelectMany(r => r.ToMessage).Order().ToArray();
        var toClient = results.SelectMany(r => r.ToClient).Order().ToArray();
        var analytics = results.Sum(r => r.Analytics);
        var closed = results.Count(r => r.Closed is not null);
        if (latencies.Length == 0)
        {
            Console.WriteLine("live: no order messages received");
            return 1;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live: {latencies.Length} order messages, {analytics} analytics.updated; latency p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms; clients closed by server: {closed}"));
        // The message's "at" is stamped by the API after the ingest log and the counters, before the publish:
        // it splits the latency into ingest + counters, and publish → Redis → hub → socket → this process.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live: ingest → message built p50 {Percentile(toMessage, 0.50):0.0} ms, p99 {Percentile(toMessage, 0.99):0.0} ms; message built → received p50 {Percentile(toClient, 0.50):0.0} ms, p99 {Percentile(toClient, 0.99):0.0} ms"));
        // Whether the tail is one stall or a backlog that builds: the worst latency of the messages received in each second.
        var filled = Array.FindLastIndex(_worstBySecond, w => w > 0) + 1;
        Console.WriteLine("live: worst latency by second received (ms): " + string.Join(' ', _worstBySecond.Take(filled)));
        foreach (var reason in results.Where(r => r.Closed is not null).GroupBy(r => r.Closed).Take(3))
        {
            Console.WriteLine($"live: closed {reason.Count()}x: {reason.Key}");
        }
        return 0;
    }

    /// <summary>
    /// RATE orders/s for <paramref name="seconds"/>. With a warm-up, this process first produces at the same rate for
    /// <paramref name="warmupSeconds"/>, waits 3 s for that to drain, and then writes the time the measured round starts
    /// to <paramref name="measureFile"/> (the listener's cue): the measured orders are serialised and sent by warm code.
    /// </summary>
    public static async Task<int> ProduceAsync(Uri api, string key, int rate, int seconds, int shops, int warmupSeconds = 0, string? measureFile = null)
    {
        using var http = new HttpClient { BaseAddress = api };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var run = Guid.NewGuid().ToString("N")[..6];
        if (warmupSeconds > 0)
        {
            var (_, warmFailed, _) = await RoundAsync(http, run + "w", rate, warmupSeconds, shops);
            if (warmFailed > 0)
            {
                Console.WriteLine($"produce: {warmFailed} warm-up batches not accepted");
                return 1;
            }
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        if (measureFile is not null)
        {
            await File.WriteAllTextAsync(measureFile + ".tmp", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            File.Move(measureFile + ".tmp", measureFile, overwrite: true);
            await Task.Delay(500);  // the listener polls for the file every 50 ms and must know the time before the orders come
        }
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (sent, failed, batches) = await RoundAsync(http, run, rate, seconds, shops);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"produce: {sent} orders in {clock.Elapsed.TotalSeconds:0.0} s = {sent / clock.Elapsed.TotalSeconds:0} orders/s, {batches} batches, {failed} not accepted; producer cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s"));
        return failed == 0 ? 0 : 1;
    }

    private static async Task<(int Sent, int Failed, int Batches)> RoundAsync(HttpClient http, string run, int rate, int seconds, int shops)
    {
        const int perBatch = 10;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds((double)perBatch / rate));
        var inFlight = new List<Task<HttpResponseMessage>>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds) && await timer.WaitForNextTickAsync())
        {
            var now = DateTimeOffset.UtcNow;
            var orders = Enumerable.Range(sent, perBatch).Select(i => Order($"bench-{i % shops}", $"{run}-{i}", now)).ToList();
            sent += perBatch;
            inFlight.Add(http.PostAsJsonAsync("/api/v1/orders/batch", orders, WireJson.Options));
        }
        var responses = await Task.WhenAll(inFlight);
        return (sent, responses.Count(r => (int)r.StatusCode != 202), responses.Length);
    }

    private static async Task<(List<double> Latencies, List<double> ToMessage, List<double> ToClient, int Analytics, string? Closed)> ReceiveAsync(
        ClientWebSocket socket, CancellationToken stop)
    {
        // Sized for a long run up front: a listener that stops to grow lists (and collect them) falls behind its sockets.
        var latencies = new List<double>(8192);
        var toMessage = new List<double>(8192);
        var toClient = new List<double>(8192);
        var analytics = 0;
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), stop);
                    count += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (latencies, toMessage, toClient, analytics, $"{socket.CloseStatus} {socket.CloseStatusDescription}");
                }
                var received = DateTimeOffset.UtcNow;
                Volatile.Write(ref _lastReceived, Environment.TickCount64);
                var (type, built, sent) = Read(buffer.AsSpan(0, count));
                var measureFrom = Volatile.Read(ref _measureFrom);
                if (received.ToUnixTimeMilliseconds() < measureFrom)
                {
                    continue;
                }
                if (type == MessageKind.OrderCreated && sent.ToUnixTimeMilliseconds() >= measureFrom)
                {
                    RecordWorst((received.ToUnixTimeMilliseconds() - measureFrom) / 1000, (received - sent).TotalMilliseconds);
                    latencies.Add((received - sent).TotalMilliseconds);
                    toMessage.Add((built - sent).TotalMilliseconds);
                    toClient.Add((received - built).TotalMilliseconds);
                }
                else if (type == MessageKind.AnalyticsUpdated)
                {
                    analytics++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return (latencies, toMessage, toClient, analytics, null);
        }
        catch (WebSocketException ex)
        {
            // The server gave up on this client (e.g. its pings went unanswered on a starved machine): count it, keep the rest.
            return (latencies, toMessage, toClient, analytics, $"reset: {ex.Message}");
        }
    }

    /// <summary>
    /// Listens at least <paramref name="seconds"/>, then until no message came for 5 s (at most 2 minutes more): a backlog
    /// is counted to its end instead of being cut off, so p99 is not flattered.
    /// </summary>
    private static async Task StopWhenQuietAsync(Stopwatch clock, TimeSpan seconds, CancellationTokenSource stop)
    {
        var start = clock.Elapsed;
        while (clock.Elapsed - start < seconds + TimeSpan.FromMinutes(2)
            && (clock.Elapsed - start < seconds || Environment.TickCount64 - Volatile.Read(ref _lastReceived) < 5000))
        {
            await Task.Delay(250);
        }
        await stop.CancelAsync();
    }

    private static long _lastReceived = Environment.TickCount64;
    private static long _measureFrom = long.MaxValue;
    private static readonly long[] _worstBySecond = new long[600];

    private static void RecordWorst(long secondOfRun, double latencyMs)
    {
        var second = (int)Math.Min(secondOfRun, _worstBySecond.Length - 1);
        var latency = (long)latencyMs;
        for (var seen = Volatile.Read(ref _worstBySecond[second]); latency > seen;)
        {
            var before = Interlocked.CompareExchange(ref _worstBySecond[second], latency, seen);
            if (before == seen)
            {
                break;
            }
            seen = before;
        }
    }

    /// <summary>
    /// The message's type, <c>at</c> and <c>data.updatedAt</c>, read in one pass without building a document: a thousand
    /// listeners parse ~50,000 messages a second on the same two cores as the service they measure.
    /// </summary>
    private static (MessageKind Type, DateTimeOffset At, DateTimeOffset UpdatedAt) Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var type = MessageKind.Other;
        DateTimeOffset at = default, updatedAt = default;
        var inData = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }
            var depth = reader.CurrentDepth;
            if (depth == 1 && reader.ValueTextEquals("data"u8))
            {
                inData = true;
            }
            else if (depth == 1 && reader.ValueTextEquals("type"u8) && reader.Read())
            {
                type = reader.ValueTextEquals("order.created"u8) ? MessageKind.OrderCreated
                    : reader.ValueTextEquals("analytics.updated"u8) ? MessageKind.AnalyticsUpdated : MessageKind.Other;
            }
            else if (depth == 1 && reader.ValueTextEquals("at"u8) && reader.Read())
            {
                at = reader.GetDateTimeOffset();
            }
            else if (inData && depth == 2 && reader.ValueTextEquals("updatedAt"u8) && reader.Read())
            {
                updatedAt = reader.GetDateTimeOffset();
                break;
            }
        }
        return (type, at, updatedAt);
    }

    private enum MessageKind { Other, OrderCreated, AnalyticsUpdated }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static Order Order(string shopId, string orderId, DateTimeOffset at) => new()
    {
        ShopId = shopId, OrderId = orderId, CustomerId = "c-" + orderId, Status = OrderStatus.Paid, CreatedAt = at, UpdatedAt = at,
        Currency = "EUR", Channel = SalesChannel.Web, PaymentMethod = PaymentMethod.Card, Country = "DE", City = "Berlin",
        Subtotal = 8.50m, Tax = 1.00m, Shipping = 2.50m, Total = 12.00m,
        Items = [new OrderItem { ProductId = "p-" + (orderId.Length % 7), ProductName = "Käsespätzle", Category = "ready_meals", Quantity = 2, UnitPrice = 4.25m, LineTotal = 8.50m }],
    };
}
