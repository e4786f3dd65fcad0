using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// <c>GET /live</c>: one static page (HTML + its own script, no build step, nothing third-party). The page is
/// public; the data it shows needs an API key, which the page asks for and keeps in sessionStorage.
/// </summary>
internal static class LivePageApi
{
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static readonly Lazy<byte[]> Page = new(() => Read("live.html"));
    private static readonly Lazy<byte[]> Script = new(() => Read("live.js"));

    public static void MapLivePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live", GetPage).WithName("GetLivePage").WithTags("Real-time").ExcludeFromDescription();
        app.MapGet("/live.js", GetScript).WithName("GetLivePageScript").WithTags("Real-time").ExcludeFromDescription();
    }

    public static IResult GetPage(HttpContext http) => Serve(http, Page.Value, "text/html; charset=utf-8");

    public static IResult GetScript(HttpContext http) => Serve(http, Script.Value, "text/javascript; charset=utf-8");

    private static FileContentHttpResult Serve(HttpContext http, byte[] content, string type)
    {
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(content, type);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(LivePageApi).Assembly.GetManifestResourceStream($"FoodFast.Analytics.Api.Realtime.Page.{name}")
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
