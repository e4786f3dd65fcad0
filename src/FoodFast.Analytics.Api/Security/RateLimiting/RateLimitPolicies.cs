using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Security.RateLimiting;

/// <summary>
/// Per-caller token buckets (keyed by API key id or JWT subject). Apply with
/// <c>group.RequireRateLimiting(RateLimitPolicies.Queries)</c> or <c>RateLimitPolicies.Ingestion</c>.
/// A refused request gets a 429 problem with <c>Retry-After</c>.
/// </summary>
public static class RateLimitPolicies
{
    public const string Ingestion = "ingestion";
    public const string Queries = "queries";

    internal static IServiceCollection AddCallerRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Ingestion, http => Partition(http, Ingestion, o => o.Ingestion));
            limiter.AddPolicy(Queries, http => Partition(http, Queries, o => o.Queries));
            limiter.OnRejected = RejectAsync;
        });

    private static RateLimitPartition<string> Partition(HttpContext http, string budgetName, Func<RateLimitOptions, TokenBucketBudget> budget)
    {
        var caller = http.User.ToCaller()?.Id ?? $"anonymous:{http.Connection.RemoteIpAddress}";
        var limits = budget(http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RateLimits);
        return RateLimitPartition.GetTokenBucketLimiter($"{budgetName}|{caller}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.TokenLimit,
            TokensPerPeriod = limits.TokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(limits.ReplenishmentPeriodSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too Many Requests",
                Detail = $"This credential has used its request budget; retry after {seconds} s.",
            },
        });
    }
}
