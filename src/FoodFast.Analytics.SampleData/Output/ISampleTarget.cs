using FoodFast.Analytics.SampleData.Generation;

namespace FoodFast.Analytics.SampleData.Output;

/// <summary>Where generated items go: NDJSON files, or a running service's batch endpoints.</summary>
public interface ISampleTarget : IAsyncDisposable
{
    ValueTask WriteAsync(GeneratedItem item, CancellationToken cancellationToken);

    /// <summary>Sends or writes whatever is still buffered. Called once, after the last item.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
