using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Core.Observability;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// The live feed: a WebSocket and a Server-Sent Events stream of one room (a shop, one user of a shop, or all shops for
/// an admin; see <see cref="StreamRoomAccess"/>), and the connected clients per shop.
/// </summary>
internal static class StreamApi
{
    private const string Route = "/stream";

    /// <summary>The stream's absolute path, for the WebSocket upgrade that runs before routing.</summary>
    public const string Path = Hosting.ApplicationSetup.V1 + Route;
    private static readonly TimeSpan SubscribePatience = TimeSpan.FromSeconds(5);

    public static void MapStreamApi(this IEndpointRouteBuilder app)
    {
        var stream = app.MapGroup(Route).WithTags("Real-time");
        stream.MapGet("/", WebSocketStream).WithName("StreamWebSocket").ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("WebSocket: JSON messages {type, shopId, at, userId?, data} of a shop room or a user:{id} room; see docs/realtime.md.");
        stream.MapGet("/sse", ServerSentEvents).WithName("StreamServerSentEvents").ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Server-Sent Events: the same messages with id: lines; resume with Last-Event-ID.");
    }

    public static void MapStreamStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stream/stats", GetStreamStats).WithName("GetStreamStats").WithTags("Real-time")
            .WithSummary("Connected live-feed clients per shop, across every instance reporting to Redis (scope cluster) or of this instance (scope instance).");
    }

    public static async Task<Ok<LiveStats>> GetStreamStats([AsParameters] ShopSelection shop, StreamPresence presence, CancellationToken cancellationToken) =>
        TypedResults.Ok(await presence.StatsAsync(shop.ShopId, cancellationToken));

    public static async Task<StreamAnswer> WebSocketStream(
        [AsParameters] StreamRequest request, HttpContext http, LiveHub hub, StreamPresence presence, IOptions<LiveOptions> options, FoodFastMetrics metrics)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return FieldProblems.Invalid("upgrade", "this endpoint speaks WebSocket: send an upgrade request (or use /api/v1/stream/sse)");
        }
        var (client, problem) = await JoinAsync(request, http, hub, presence);
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
            var transport = http.Features.Get<WebSocketTransportUpgrade>()?.Transport;
            await new WebSocketSession(socket, transport, client, options.Value, metrics).RunAsync(http.RequestAborted);
        }
        finally
        {
            Leave(hub, presence, client);
        }
        return TypedResults.Empty;
    }

    public static async Task<StreamAnswer> ServerSentEvents(
        [AsParameters] StreamRequest request, HttpContext http, LiveHub hub, StreamPresence presence, IOptions<LiveOptions> options, FoodFastMetrics metrics)
    {
        var (client, problem) = await JoinAsync(request, http, hub, presence);
        if (client is null)
        {
            return problem!;
        }
        try
        {
            var lastEventId = http.Request.Headers["Last-Event-ID"].FirstOrDefault();
            await new SseSession(http.Response, client, hub.Resume.After(lastEventId, client), options.Value, metrics).RunAsync(http.RequestAborted);
        }
        finally
        {
            Leave(hub, presence, client);
        }
        return TypedResults.Empty;
    }

    /// <summary>Joins the room once this instance hears the bus, and reports the new count before the stream starts.</summary>
    private static async Task<(LiveClient? Client, StreamAnswer? Problem)> JoinAsync(StreamRequest request, HttpContext http, LiveHub hub, StreamPresence presence)
    {
        var (topics, problem) = request.ParseTopics();
        if (problem is not null)
        {
            return (null, FieldProblems.Invalid("topics", problem));
        }
        var (room, denied) = StreamRoomAccess.Decide(request, http.GetCaller());
        if (room is null)
        {
            return (null, denied);
        }
        await Task.WhenAny(hub.Subscribed, Task.Delay(SubscribePatience, http.RequestAborted));
        var client = hub.Join(room.ShopId, room.UserId, topics);
        await presence.ReportAsync(http.RequestAborted);
        return (client, null);
    }

    /// <summary>Leaves and reports without waiting: the client is gone, nobody waits for the count.</summary>
    private static void Leave(LiveHub hub, StreamPresence presence, LiveClient client)
    {
        hub.Leave(client);
        _ = presence.ReportAsync(CancellationToken.None);
    }
}
