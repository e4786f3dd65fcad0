using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// A call that failed: the HTTP status (null when no node answered), and ES's <c>error.type</c> and
/// <c>error.reason</c>. The message never carries credentials or request bodies. It is the backend's translation of
/// the client's failures into Core's <see cref="DependencyFailedException"/>: no answer or a 5xx is an outage.
/// </summary>
public sealed class ElasticsearchException : DependencyFailedException
{
    public ElasticsearchException(string operation, int? statusCode, string? errorType, string? reason, Exception? inner = null)
        : base(Dependencies.Elasticsearch, operation, Describe(operation, statusCode, errorType, reason), unavailable: statusCode is null or >= 500, inner)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        Reason = reason;
    }

    public ElasticsearchException()
        : this("request", null, null, null)
    {
    }

    public ElasticsearchException(string message)
        : this("request", null, null, message)
    {
    }

    public ElasticsearchException(string message, Exception inner)
        : this("request", null, null, message, inner)
    {
    }

    public int? StatusCode { get; }

    public string? ErrorType { get; }

    public string? Reason { get; }

    /// <summary>Overload or unavailability (429, 502, 503, 504, no answer): worth trying again later.</summary>
    public bool IsTransient => StatusCode is null or 429 or 502 or 503 or 504;

    public static ElasticsearchException From(string operation, EsResponse response)
    {
        var (type, reason) = ErrorBody.Read(response.Body);
        return new ElasticsearchException(operation, response.StatusCode, type, reason);
    }

    /// <summary>A typed call that failed: ES's error when it answered, else why no node answered.</summary>
    public static ElasticsearchException From(string operation, int? status, Elastic.Transport.Products.Elasticsearch.ElasticsearchServerError? error, Exception? cause)
    {
        if (error?.Error is { } e)
        {
            var reason = e.CausedBy?.Reason is { } inner ? $"{e.Reason} (caused by: {inner})" : e.Reason;
            return new ElasticsearchException(operation, status, e.Type, reason, cause);
        }
        var noAnswer = status is null
            ? TimedOut(cause) ? "no answer within the request timeout" : $"no answer: {Innermost(cause)?.Message ?? "unknown failure"}"
            : null;
        return new ElasticsearchException(operation, status, null, noAnswer, cause);
    }

    /// <summary>The same failure, saying how many attempts were made.</summary>
    public ElasticsearchException After(int attempts) =>
        new(Step, StatusCode, ErrorType, $"{Reason} (after {attempts} attempts)", InnerException);

    /// <summary>The transport cancels a call at its request timeout; the chain says so somewhere (the innermost can be a socket error).</summary>
    private static bool TimedOut(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OperationCanceledException or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    private static Exception? Innermost(Exception? ex)
    {
        while (ex?.InnerException is { } inner)
        {
            ex = inner;
        }
        return ex;
    }

    private static string Describe(string operation, int? status, string? type, string? reason) =>
        $"Elasticsearch {operation} failed: " + (status is { } s ? $"HTTP {s}" : "no node answered")
        + (type is null ? "" : $" {type}") + (reason is null ? "" : $": {reason}");
}
