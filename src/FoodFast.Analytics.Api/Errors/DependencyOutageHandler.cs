using System.Globalization;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.ServiceData;
using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace FoodFast.Analytics.Api.Errors;

/// <summary>
/// A dependency that cannot answer (Postgres, Redis, Elasticsearch), wherever it is called, even inside
/// authentication's key lookup: a 503 with <c>Retry-After</c> naming the dependency, never a 500.
/// </summary>
internal sealed class DependencyOutageHandler(IProblemDetailsService problems, ILogger<DependencyOutageHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Dependency(exception) is not { } dependency)
        {
            return false;
        }
        logger.LogWarning("{Method} {Path} answered 503: {Dependency} is unavailable ({Error})",
            httpContext.Request.Method, httpContext.Request.Path, dependency, exception.GetBaseException().Message);
        return await problems.TryWriteAsync(Unavailable(httpContext, dependency, $"{dependency} is unavailable; retry after {RetryAfterSeconds} s."));
    }

    /// <summary>Sets 503 and Retry-After on the response and returns the problem that says which dependency is down.</summary>
    public static ProblemDetailsContext Unavailable(HttpContext http, string dependency, string detail)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Dependency unavailable",
                Detail = detail,
                Extensions = { ["dependency"] = dependency },
            },
        };
    }

    /// <summary>The same answer as a result, for handlers that catch the outage themselves.</summary>
    public static DependencyUnavailable Result(string dependency, string detail) => new(dependency, detail);

    /// <summary>The dependency an exception (or one it wraps) says is down, or null when it is not an outage.</summary>
    public static string? Dependency(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case DependencyFailedException { Unavailable: true } failed:
                    return failed.Dependency;
                // The service database (API keys, report jobs, audit, Quartz), which EF Core, Quartz and the key lookup
                // reach without a guard of their own: its adapter knows the driver's failures.
                case var _ when NpgsqlFailures.IsOutage(ex):
                    return Dependencies.Postgres;
                case RedisConnectionException or RedisTimeoutException:
                    return Dependencies.Redis;
            }
        }
        return null;
    }
}
