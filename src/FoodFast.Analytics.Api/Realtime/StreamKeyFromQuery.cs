using FoodFast.Analytics.Api.Security.Authentication;
using Microsoft.AspNetCore.Http.Extensions;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// Browsers cannot set headers on a WebSocket or an EventSource, so the stream endpoints (and only they) also take
/// the API key as <c>?api_key=</c>. It is moved into the <c>X-Api-Key</c> header and removed from the query string
/// before authentication, so nothing after this point (logs, audit, problem details) sees it. A header wins.
/// </summary>
internal static class StreamKeyFromQuery
{
    public const string Parameter = "api_key";
    private static readonly PathString Streams = "/api/v1/stream";

    public static IApplicationBuilder UseStreamKeyFromQuery(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(Streams) && request.Query.TryGetValue(Parameter, out var key))
        {
            if (!request.Headers.ContainsKey(Credential.ApiKeyHeader) && !request.Headers.ContainsKey("Authorization"))
            {
                request.Headers[Credential.ApiKeyHeader] = key.ToString();
            }
            var rest = new QueryBuilder(request.Query.Where(q => q.Key != Parameter).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
            request.QueryString = rest.ToQueryString();
        }
        return next(context);
    });
}
