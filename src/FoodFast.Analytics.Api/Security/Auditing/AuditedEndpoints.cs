using FoodFast.Analytics.Core.Auditing;

namespace FoodFast.Analytics.Api.Security.Auditing;

/// <summary>
/// <c>.Audited("report.download")</c> on an endpoint or group writes one audit row per call: the caller, the action,
/// the resource (the request path unless the handler names one with <see cref="SetAuditTarget"/>), the shop and the
/// outcome read from the status code (2xx succeeded, 4xx rejected, 5xx or an exception failed). Calls refused for
/// a wrong role never reach the handler; the 403 answer records them as rejected.
/// </summary>
public static class AuditedEndpoints
{
    private const string TargetKey = "ff:audit-target";

    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAction(action)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            try
            {
                var result = await next(context);
                var status = StatusOf(result) ?? http.Response.StatusCode;
                await RecordAsync(http, action, Outcome(status));
                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await RecordAsync(http, action, ex is ShopAccessDeniedException or BadHttpRequestException ? AuditOutcome.Rejected : AuditOutcome.Failed);
                throw;
            }
        });

    /// <summary>Names what the current call acted on (e.g. <c>api-keys/&lt;id&gt;</c>) and its shop, for the audit row.</summary>
    public static void SetAuditTarget(this HttpContext http, string resource, string? shopId) => http.Items[TargetKey] = new AuditTarget(resource, shopId);

    /// <summary>The status a handler's result will answer with, looking inside <c>Results&lt;...&gt;</c> unions.</summary>
    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult { StatusCode: { } code } => code,
        _ => null,
    };

    private static AuditOutcome Outcome(int status) => status switch
    {
        < 400 => AuditOutcome.Succeeded,
        < 500 => AuditOutcome.Rejected,
        _ => AuditOutcome.Failed,
    };

    internal static Task RecordAsync(HttpContext http, string action, AuditOutcome outcome)
    {
        var caller = http.User.ToCaller();
        var target = http.Items[TargetKey] as AuditTarget
            ?? new AuditTarget(http.Request.Path.Value ?? "", http.Request.Query["shopId"].FirstOrDefault() ?? caller?.ShopId);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var entry = new AuditEntry(now, caller?.Id ?? "anonymous", caller?.KeyId, action, target.Resource, target.ShopId, outcome);
        // The client may have gone; the row is still owed.
        return http.RequestServices.GetRequiredService<IAuditLog>().RecordAsync(entry, CancellationToken.None);
    }

    private sealed record AuditTarget(string Resource, string? ShopId);
}

/// <summary>Marks an endpoint as audited under <paramref name="Action"/>.</summary>
public sealed record AuditedAction(string Action);
