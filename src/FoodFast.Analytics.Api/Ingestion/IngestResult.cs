using FoodFast.Analytics.Core.Validation;


namespace FoodFast.Analytics.Api.Ingestion;

/// <summary>The 202 answer of every ingestion call.</summary>
/// <param name="Accepted">Items appended to the ingest log: they will reach the store.</param>
/// <param name="Rejected">Items refused; each is listed in <paramref name="Errors"/>.</param>
/// <param name="Indexed">With <c>?wait=true</c>: whether the accepted items reached the store before the wait timed out.</param>
/// <param name="Errors">Per rejected item: its zero-based index in the batch and every problem found.</param>
public sealed record IngestResult(int Accepted, int Rejected, bool? Indexed, IReadOnlyList<RejectedItem> Errors);

public sealed record RejectedItem(int Index, IReadOnlyList<FieldProblem> Problems);
