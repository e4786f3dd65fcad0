using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>The live feed: a WebSocket and a Server-Sent Events stream of one shop room (or all shops, for an admin).</summary>
internal static class StreamApi
{
    private static readonly TimeSpan SubscribePatience = TimeSpan.FromSeconds(5);

    public static void MapStreamApi(this IEndpointRouteBuilder app)
    {
        var stream = app.MapGroup("/api/v1/stream").WithTags("Real-time");
        stream.MapGet("/", WebSocketStream).WithName("StreamWebSocket").ProducesValidationProblem()
            .WithSummary("WebSocket: JSON messages {type, shopId, at, data}; see docs/realtime.md.");
        stream.MapGet("/sse", ServerSentEvents).WithName("StreamServerSentEvents").ProducesValidationProblem()
            .WithSummary("Server-Sent Events: the same messages with id: lines; resume with Last-Event-ID.");
    }

    public static async Task<IResult> WebSocketStream([AsParameters] StreamRequest request, HttpContext http, LiveHub hub, IOptions<LiveOptions> options)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Invalid("upgrade", "this endpoint speaks WebSocket: send an upgrade request (or use /api/v1/stream/sse)");
        }
        var (client, problem) = await JoinAsync(request, http, hub);
        if (client is null)
        {
            return problem!;
        }
        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds),
                // Pings that go unanswered this long mean the peer is gone: the session ends and its client leaves.
                KeepAliveTimeout = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds * 2),
            });
            await new WebSocketSession(socket, client, options.Value).RunAsync(http.RequestAborted);
        }
        finally
        {
            hub.Leave(client);
        }
        return Results.Empty;
    }

    public static async Task<IResult> ServerSentEvents([AsParameters] StreamRequest request, HttpContext http, LiveHub hub, IOptions<LiveOptions> options)
    {
        var (client, problem) = await JoinAsync(request, http, hub);
        if (client is null)
        {
            return problem!;
        }
        try
        {
            var lastEventId = http.Request.Headers["Last-Event-ID"].FirstOrDefault();
            await new SseSession(http.Response, client, hub.Resume.After(lastEventId, client), options.Value).RunAsync(http.RequestAborted);
        }
        finally
        {
            hub.Leave(client);
        }
        return Results.Empty;
    }

    private static async Task<(LiveClient? Client, IResult? Problem)> JoinAsync(StreamRequest request, HttpContext http, LiveHub hub)
    {
        var (topics, problem) = request.ParseTopics();
        if (problem is not null)
        {
            return (null, Invalid("topics", problem));
        }
        var shop = http.GetCaller().ResolveShop(request.ShopId);
        await Task.WhenAny(hub.Subscribed, Task.Delay(SubscribePatience, http.RequestAborted));
        return (hub.Join(shop, topics), null);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}");
}
