namespace FoodFast.Analytics.Core.Ingestion;

/// <summary>
/// Told about items right after they are durable in the ingest log (step 2 of ingestion), before the store has
/// them: live counters and the live feed hang here. Called from one loop per observer, in the order the items were
/// accepted, with whatever accumulated while it was busy (<see cref="ObserverQueue"/>): an observer must bound its own time,
/// and its failures are logged, never seen by the producer.
/// </summary>
public interface IIngestionObserver
{
    Task OnAcceptedAsync(IReadOnlyList<IngestEntry> entries, CancellationToken cancellationToken);
}
