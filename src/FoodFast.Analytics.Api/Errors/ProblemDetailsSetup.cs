using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Errors;

/// <summary>
/// Every error is an RFC 9457 problem document: unmatched routes (404), wrong methods (405), unsupported
/// media types (415), oversized bodies (413), unreadable requests (400) and unexpected failures (500,
/// with a trace id and no stack trace). Inputs that do not bind name the field (<see cref="ClientErrorHandler"/>);
/// a dependency that is down is a 503 naming it (<see cref="DependencyOutageHandler"/>); and a problem is written
/// whatever the client's <c>Accept</c> says (<see cref="FallbackProblemWriter"/>).
/// </summary>
internal static class ProblemDetailsSetup
{
    /// <summary>JSON bodies up to this size are kept, so a conversion failure can quote what was received.</summary>
    public const long BufferedBodyBytes = 64 * 1024;

    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        // Binding failures throw (instead of a bare 400) so that ClientErrorHandler can name the parameter.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ClientErrorHandler>();
        services.AddExceptionHandler<DependencyOutageHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= $"{http.Request.Method} {http.Request.Path}";
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
            // The X-Request-Id of the answer (Observability/RequestId.cs): what the caller quotes and the logs carry.
            context.ProblemDetails.Extensions["requestId"] = http.TraceIdentifier;
            var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
            // The framework types the statuses RFC 9110 defines; these two come from elsewhere.
            context.ProblemDetails.Type ??= status switch
            {
                StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
                _ => null,
            };
            context.ProblemDetails.Detail ??= status switch
            {
                StatusCodes.Status404NotFound => $"No resource at {http.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
                StatusCodes.Status413PayloadTooLarge => $"The request body is larger than the limit of {MaxBody(http)} bytes.",
                StatusCodes.Status415UnsupportedMediaType => $"Content-Type '{http.Request.ContentType}' is not supported here; send application/json.",
                StatusCodes.Status500InternalServerError => "An unexpected error occurred. Quote the traceId when reporting it.",
                _ when context.Exception is BadHttpRequestException or NotSupportedException => context.Exception.Message,
                _ => null,
            };
        });
        // After the default writer (which declines when Accept rules out JSON): always answers.
        services.AddSingleton<IProblemDetailsWriter, FallbackProblemWriter>();
        return services;
    }

    public static void UseApiProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                NotSupportedException => StatusCodes.Status501NotImplemented,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.Use(RequestGuards.InvokeAsync);
    }

    private static long MaxBody(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<Hosting.ApiOptions>>().Value.MaxRequestBodyBytes;
}
