using System.Diagnostics;
using FoodFast.Analytics.Core.Observability;

namespace FoodFast.Analytics.Api.Observability;

/// <summary>
/// First in the pipeline: gives the request its id (echoed in <c>X-Request-Id</c>), opens the log scope that puts
/// it on every line, and when the answer is sent records it in <c>foodfast_http_server_*</c> under its route
/// template and writes one "request finished" line. Only the route template, never the raw path or query string,
/// reaches a label or a log line: query strings may carry a live-feed key.
/// </summary>
internal static partial class RequestObservation
{
    /// <summary>The label of requests that matched no endpoint (a raw path there would let callers grow the label set).</summary>
    public const string Unmatched = "unmatched";

    public static IApplicationBuilder UseRequestObservation(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<FoodFastMetrics>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("FoodFast.Analytics.Requests");
        return app.Use(async (context, next) =>
        {
            var id = RequestId.Choose(context.Request.Headers[RequestId.Header].ToString());
            context.TraceIdentifier = id;
            context.Response.Headers[RequestId.Header] = id;
            // Routing ran before this middleware; the exception handler clears the endpoint, so read the route now.
            var route = RouteOf(context);
            var clock = Stopwatch.StartNew();
            using var scope = logger.BeginScope(new RequestScope(id));
            try
            {
                await next(context);
            }
            finally
            {
                route = RouteOf(context) is var after && after != Unmatched ? after : route;
                var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
                metrics.HttpRequest(context.Request.Method, route, status, clock.Elapsed);
                LogFinished(logger, context.Request.Method, route, status, clock.Elapsed.TotalMilliseconds);
            }
        });
    }

    private static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template ? "/" + template.TrimStart('/') : Unmatched;

    /// <summary>The log scope: one structured value, printed as <c>RequestId:&lt;id&gt;</c> by text formatters.</summary>
    private sealed class RequestScope(string id) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("RequestId", id) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"RequestId:{id}";
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {Route} answered {Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogFinished(ILogger logger, string method, string route, int status, double elapsedMs);
}
