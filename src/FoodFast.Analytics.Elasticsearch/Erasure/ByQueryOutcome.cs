using Elastic.Clients.Elasticsearch;

namespace FoodFast.Analytics.Elasticsearch.Erasure;

/// <summary>
/// What a <c>_delete_by_query</c> or <c>_update_by_query</c> answered with <c>wait_for_completion=true</c>: with
/// <c>conflicts=proceed</c> version conflicts are counted, and <see cref="Failures"/> lists what ended the run early.
/// </summary>
public sealed record ByQueryOutcome(long Changed, long VersionConflicts, bool TimedOut, IReadOnlyCollection<BulkIndexByScrollFailure>? Failures)
{
    /// <summary>Why the run did not cover every match (the first failure's <c>type: reason</c>, or the time-out); null when it did.</summary>
    public string? Incomplete()
    {
        if (Failures is { Count: > 0 } failures)
        {
            var first = failures.First().Cause;
            return $"{failures.Count} failure(s), the first {first?.Type}: {first?.Reason}";
        }
        return TimedOut ? "timed out before every match was processed" : null;
    }
}
