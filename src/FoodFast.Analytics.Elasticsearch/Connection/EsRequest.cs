namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// One REST call. <see cref="Operation"/> names it in logs and errors (<c>bulk</c>, <c>put_index_template</c>);
/// <see cref="Path"/> is relative to the node (<c>_bulk?filter_path=...</c>). Bodies are compact UTF-8 JSON or NDJSON.
/// </summary>
public sealed record EsRequest(HttpMethod Method, string Path, string Operation)
{
    public byte[]? Body { get; init; }

    public bool IsNdjson { get; init; }

    /// <summary>Overrides the configured retries (health probes answer fast rather than wait out a backoff).</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Overrides the configured per-attempt timeout, for calls that do a lot of work before answering (<c>_delete_by_query</c>).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Statuses that are an answer rather than a failure here (404 for an existence check, 400 for "already exists").</summary>
    public IReadOnlySet<int> Accepted { get; init; } = NoExtraStatuses;

    private static readonly IReadOnlySet<int> NoExtraStatuses = new HashSet<int>();

    public static EsRequest Get(string path, string operation) => new(HttpMethod.Get, path, operation);

    public static EsRequest Json(HttpMethod method, string path, string operation, byte[] body) => new(method, path, operation) { Body = body };
}

/// <summary>The answer: status and body bytes (empty for HEAD).</summary>
public sealed record EsResponse(int StatusCode, byte[] Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
