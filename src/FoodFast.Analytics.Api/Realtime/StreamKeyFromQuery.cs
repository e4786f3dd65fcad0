using FoodFast.Analytics.Api.Security.Authentication;
using Microsoft.AspNetCore.Http.Extensions;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// Browsers cannot set headers on a WebSocket or an EventSource, so the stream endpoints (and only they) also take
/// the API key as <c>?api_key=</c> and a JWT as <c>?access_token=</c>. Each is moved into its header (<c>X-Api-Key</c>,
/// <c>Authorization: Bearer</c>) and removed from the query string before authentication, so nothing after this point
/// (logs, audit, problem details) sees it. A header wins.
/// </summary>
internal static class StreamKeyFromQuery
{
    public const string Parameter = "api_key";
    public const string TokenParameter = "access_token";
    private static readonly PathString Streams = "/api/v1/stream";

    public static IApplicationBuilder UseStreamKeyFromQuery(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(Streams) || !(request.Query.ContainsKey(Parameter) || request.Query.ContainsKey(TokenParameter)))
        {
            return next(context);
        }
        if (!request.Headers.ContainsKey(Credential.ApiKeyHeader) && !request.Headers.ContainsKey("Authorization"))
        {
            if (request.Query.TryGetValue(Parameter, out var key))
            {
                request.Headers[Credential.ApiKeyHeader] = key.ToString();
            }
            else
            {
                request.Headers.Authorization = $"Bearer {request.Query[TokenParameter]}";
            }
        }
        var rest = new QueryBuilder(request.Query.Where(q => q.Key is not (Parameter or TokenParameter)).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
        request.QueryString = rest.ToQueryString();
        return next(context);
    });
}
