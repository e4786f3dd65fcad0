using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace FoodFast.Analytics.Api.App;

/// <summary>
/// <c>/app</c>: the built-in analytics app (src/FoodFast.Analytics.App), built by Vite into static files that the build
/// copies beside the service (<c>app/</c> in its output). The files are public; every figure the app shows comes from
/// the public API with the caller's own credentials. Hashed assets are cached for a year, the page itself never.
/// Any other path under <c>/app/</c> is the page, so a bookmarked view opens.
/// </summary>
internal static class AppPageApi
{
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static void MapAppPage(this IEndpointRouteBuilder app)
    {
        // A build without the app (scripts/build-app.sh not run) has no folder: the page then says so instead of the
        // service failing to start.
        var folder = Path.Combine(AppContext.BaseDirectory, "app");
        IFileProvider files = Directory.Exists(folder) ? new PhysicalFileProvider(folder) : new NullFileProvider();
        // "/app" and "/app/" match the same route; relative asset paths need the slash.
        app.MapMethods("/app/{**path}", [HttpMethods.Get, HttpMethods.Head], (string? path, HttpContext http) =>
            http.Request.Path.Value == "/app" ? TypedResults.Redirect("/app/") : Serve(files, path ?? "", http)).ExcludeFromDescription();
    }

    private static IResult Serve(IFileProvider files, string path, HttpContext http)
    {
        var asset = path.StartsWith("assets/", StringComparison.Ordinal);
        var file = files.GetFileInfo(asset ? path : "index.html");
        if (!file.Exists || file.IsDirectory)
        {
            return asset
                ? TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"the app has no file {path}")
                : TypedResults.Problem(statusCode: 404, title: "The app is not built",
                    detail: "this build of the service has no app files: run scripts/build-app.sh (scripts/start.sh does), then build the service again");
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = asset ? "public, max-age=31536000, immutable" : "no-cache";
        if (!asset)
        {
            http.Response.Headers.ContentSecurityPolicy = Policy;
        }
        var type = Types.TryGetContentType(file.Name, out var known) ? known : "application/octet-stream";
        return TypedResults.File(file.CreateReadStream(), type, lastModified: file.LastModified, enableRangeProcessing: false);
    }
}
