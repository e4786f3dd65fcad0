namespace FoodFast.Analytics.Elasticsearch.Client;

/// <summary>
/// A call that failed: the HTTP status (null when no node answered), and ES's <c>error.type</c> and
/// <c>error.reason</c>. The message never carries credentials or request bodies.
/// </summary>
public sealed class ElasticsearchException : Exception
{
    public ElasticsearchException(string operation, int? statusCode, string? errorType, string? reason, Exception? inner = null)
        : base(Describe(operation, statusCode, errorType, reason), inner)
    {
        Operation = operation;
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

    public string Operation { get; }

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

    private static string Describe(string operation, int? status, string? type, string? reason) =>
        $"Elasticsearch {operation} failed: " + (status is { } s ? $"HTTP {s}" : "no node answered")
        + (type is null ? "" : $" {type}") + (reason is null ? "" : $": {reason}");
}
