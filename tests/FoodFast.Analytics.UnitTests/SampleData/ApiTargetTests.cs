using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.SampleData.Generation;
using FoodFast.Analytics.SampleData.Output;

namespace FoodFast.Analytics.UnitTests.SampleData;

public sealed class ApiTargetTests
{
    private const string Key = "ff_test_0123456789";

    private static readonly GeneratorSettings Small = SampleRun.Settings(seed: 5) with { Days = 2, OrdersPerDay = 15, EventsPerOrder = 8 };

    private static Task<(RunStatistics Statistics, BatchPoster Poster)> RunAsync(RecordingServer server, Func<ApiTargetOptions, ApiTargetOptions>? configure = null) =>
        RunAsync(server.BaseUrl, configure);

    private static async Task<(RunStatistics Statistics, BatchPoster Poster)> RunAsync(Uri baseUrl, Func<ApiTargetOptions, ApiTargetOptions>? configure = null)
    {
        // One batch at a time unless a test says otherwise, so requests arrive in generation order.
        var options = new ApiTargetOptions { BaseUrl = baseUrl, ApiKey = Key, BatchSize = 50, Concurrency = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(50) };
        options = configure?.Invoke(options) ?? options;
        using var http = new HttpClient();
        var poster = new BatchPoster(http, options);
        var statistics = await SampleDataRun.ExecuteAsync(new SampleDataGenerator(Small), new ApiTarget(poster, options), new RatePacer(null), null, TestContext.Current.CancellationToken);
        return (statistics, poster);
    }

    private static async Task<(List<string> Orders, List<string> Events)> ExpectedLinesAsync()
    {
        using var run = await SampleRun.WriteAsync(Small);
        return (File.ReadAllLines(Path.Combine(run.Folder, FileTarget.OrdersFile)).ToList(), File.ReadAllLines(Path.Combine(run.Folder, FileTarget.EventsFile)).ToList());
    }

    private static List<string> Items<T>(IEnumerable<RecordedRequest> requests, bool ndjson) => requests
        .SelectMany(r => ndjson
            ? r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<T>(line, WireJson.Options)!)
            : JsonSerializer.Deserialize<List<T>>(r.Body, WireJson.Options)!)
        .Select(item => JsonSerializer.Serialize(item, WireJson.Options))
        .ToList();

    [Theory]
    [InlineData(false, "application/json")]
    [InlineData(true, "application/x-ndjson")]
    public async Task Batches_carry_the_core_types_in_generation_order_with_the_key_and_wait_on_the_last(bool ndjson, string contentType)
    {
        await using var server = new RecordingServer(Reply.AcceptAll);

        var (statistics, poster) = await RunAsync(server, o => o with { Ndjson = ndjson, Wait = true });

        var requests = server.Requests.ToList();
        var orders = requests.Where(r => r.Path == "/api/v1/orders/batch").ToList();
        var events = requests.Where(r => r.Path == "/api/v1/events/batch").ToList();
        Assert.Equal(requests.Count, orders.Count + events.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal(Key, r.ApiKey);
            Assert.StartsWith(contentType, r.ContentType, StringComparison.Ordinal);
        });
        foreach (var kind in new[] { orders, events })
        {
            Assert.All(kind.SkipLast(1), r => Assert.Equal((50, ""), (r.ItemCount, r.Query)));
            Assert.Equal("?wait=true", kind[^1].Query);
            Assert.InRange(kind[^1].ItemCount, 1, 50);
        }
        var (expectedOrders, expectedEvents) = await ExpectedLinesAsync();
        Assert.Equal(expectedOrders, Items<Order>(orders, ndjson));
        Assert.Equal(expectedEvents, Items<ActivityEvent>(events, ndjson));
        Assert.Equal(statistics.Items, poster.Accepted);
        Assert.Empty(poster.Rejected);
    }

    [Fact]
    public async Task Batches_overlap_up_to_the_concurrency_and_the_wait_batches_go_last_after_all_others()
    {
        await using var server = new RecordingServer(r => Reply.AcceptAll(r) with { Delay = TimeSpan.FromMilliseconds(150) });

        var (statistics, poster) = await RunAsync(server, o => o with { Concurrency = 3, Wait = true });

        var requests = server.Requests.OrderBy(r => r.Number).ToList();
        Assert.Equal(3, server.PeakConcurrency);
        Assert.Equal(statistics.Items, poster.Accepted);
        Assert.Equal(["?wait=true", "?wait=true"], requests.TakeLast(2).Select(r => r.Query));
        Assert.Equal(["/api/v1/orders/batch", "/api/v1/events/batch"], requests.TakeLast(2).Select(r => r.Path));
        Assert.All(requests.SkipLast(2), r => Assert.Equal("", r.Query));
        var (expectedOrders, expectedEvents) = await ExpectedLinesAsync();
        Assert.Equal(expectedOrders.Order(StringComparer.Ordinal), Items<Order>(requests.Where(r => r.Path.Contains("orders", StringComparison.Ordinal)), false).Order(StringComparer.Ordinal));
        Assert.Equal(expectedEvents.Order(StringComparer.Ordinal), Items<ActivityEvent>(requests.Where(r => r.Path.Contains("events", StringComparison.Ordinal)), false).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_then_sends_the_same_batch_again()
    {
        await using var server = new RecordingServer(r => r.Number == 1 ? new Reply(429, Headers: [("Retry-After", "1")]) : Reply.AcceptAll(r));

        var (statistics, poster) = await RunAsync(server);

        var requests = server.Requests.ToList();
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
        Assert.Equal(1, poster.Retries);
        Assert.Equal(statistics.Items, poster.Accepted);
    }

    [Fact]
    public async Task A_503_is_retried_with_growing_backoff_and_nothing_is_lost()
    {
        await using var server = new RecordingServer(r => r.Number <= 2 ? new Reply(503) : Reply.AcceptAll(r));

        var (statistics, poster) = await RunAsync(server);

        var requests = server.Requests.ToList();
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].Body, requests[2].Body);
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromMilliseconds(75), "the second backoff should be about twice the first (100 ms)");
        Assert.Equal(2, poster.Retries);
        Assert.Equal(statistics.Items, poster.Accepted);
        Assert.Equal(statistics.Items + 50 * 2, requests.Sum(r => r.ItemCount));
    }

    [Fact]
    public async Task A_413_splits_the_batch_until_it_fits_keeping_the_order()
    {
        await using var server = new RecordingServer(r => r.ItemCount > 20 ? new Reply(413) : Reply.AcceptAll(r));

        var (statistics, poster) = await RunAsync(server);

        var accepted = server.Requests.Where(r => r.ItemCount <= 20).ToList();
        Assert.Equal(statistics.Items, poster.Accepted);
        Assert.Equal(statistics.Items, accepted.Sum(r => r.ItemCount));
        var (expectedOrders, _) = await ExpectedLinesAsync();
        Assert.Equal(expectedOrders, Items<Order>(accepted.Where(r => r.Path.Contains("orders", StringComparison.Ordinal)), ndjson: false));
    }

    [Fact]
    public async Task Rejected_items_are_reported_with_their_position_and_problems()
    {
        const string rejection = """{"accepted":49,"rejected":1,"errors":[{"index":2,"problems":[{"field":"items[0].lineTotal","message":"must be quantity x unitPrice"}]}]}""";
        var ordersSeen = 0;
        await using var server = new RecordingServer(r =>
            r.Path.Contains("orders", StringComparison.Ordinal) && Interlocked.Increment(ref ordersSeen) == 2 ? new Reply(202, rejection) : Reply.AcceptAll(r));

        var (statistics, poster) = await RunAsync(server);

        var rejected = Assert.Single(poster.Rejected);
        Assert.Equal(("orders", 52L), (rejected.Kind, rejected.Position));
        Assert.Equal(("items[0].lineTotal", "must be quantity x unitPrice"), (rejected.Problems[0].Field, rejected.Problems[0].Message));
        Assert.Equal(statistics.Items - 1, poster.Accepted);
    }

    [Fact]
    public async Task A_refusal_such_as_401_stops_the_run_with_the_problem_detail()
    {
        await using var server = new RecordingServer(_ => new Reply(401, """{"title":"Unauthorized","detail":"unknown API key"}"""));

        var error = await Assert.ThrowsAsync<BatchDeliveryException>(() => RunAsync(server));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown API key", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_unreachable_service_is_retried_then_reported_never_dropped()
    {
        // A port this test binds and never listens on: connections are refused, and no other test's server can take it
        // over (a disposed server's port could be reused by a parallel test whose server never answers this one).
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var unreachable = new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndPoint!).Port}/");

        var error = await Assert.ThrowsAsync<BatchDeliveryException>(() => RunAsync(unreachable, o => o with { MaxAttempts = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(5) }));

        Assert.Contains("gave up after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }
}
