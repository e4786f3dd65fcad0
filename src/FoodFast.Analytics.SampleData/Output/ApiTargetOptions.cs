namespace FoodFast.Analytics.SampleData.Output;

/// <summary>How the API target talks to the service.</summary>
public sealed record ApiTargetOptions
{
    public required Uri BaseUrl { get; init; }
    public string? ApiKey { get; init; }

    /// <summary>Items per request (the service answers 413 above its limit; the batch is then split).</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Batches in flight at once. The service orders versions by updatedAt, so arrival order does not matter.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Ask for read-your-writes (<c>?wait=true</c>) on the last batch of orders and of events.</summary>
    public bool Wait { get; init; }

    /// <summary>Send NDJSON instead of a JSON array.</summary>
    public bool Ndjson { get; init; }

    /// <summary>Attempts per batch before giving up loudly (429, 5xx and connection errors are retried).</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>First retry delay after a 5xx or connection error; doubles each attempt, at most <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
