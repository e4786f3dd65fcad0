using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.SampleData.Output;

/// <summary>The service's answer to a batch: <c>202 { accepted, rejected, errors: [ { index, problems: [ { field, message } ] } ] }</c>.</summary>
public sealed record BatchResult
{
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public IReadOnlyList<BatchItemError> Errors { get; init; } = [];
}

public sealed record BatchItemError
{
    public int Index { get; init; }
    public IReadOnlyList<FieldProblem> Problems { get; init; } = [];
}

public sealed record FieldProblem
{
    public string Field { get; init; } = "";
    public string Message { get; init; } = "";
}

/// <summary>An item the service rejected, with where it was in the whole run (the n-th order or event sent).</summary>
public sealed record RejectedItem(string Kind, long Position, IReadOnlyList<FieldProblem> Problems);

/// <summary>A batch that could not be delivered: the run stops and says why, rather than dropping it.</summary>
public sealed class BatchDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
