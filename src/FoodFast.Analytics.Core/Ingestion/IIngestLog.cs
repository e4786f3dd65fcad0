namespace FoodFast.Analytics.Core.Ingestion;

/// <summary>
/// The durable queue between the ingestion endpoints and the indexer. An append that returns is on disk:
/// only then does the API answer 202. Several instances may claim at once; each entry goes to one claimer.
/// </summary>
public interface IIngestLog
{
    /// <summary>Appends durably: what the store takes at once (<see cref="IWriteThroughStore"/>) goes there, the rest into the log.</summary>
    Task<Appended> AppendAsync(IReadOnlyList<IngestEntry> entries, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> due entries, oldest first; null when none is due.</summary>
    Task<IIngestClaim?> ClaimAsync(int max, CancellationToken cancellationToken);

    /// <summary>How many of these ids are still in the log (not yet in the store nor dead-lettered).</summary>
    Task<int> CountPendingAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    Task<IngestLogStats> StatsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string? shopId, long? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes a shop's dead letters that name this customer (as customerId or userId); returns how many.</summary>
    Task<int> PurgeCustomerAsync(string shopId, string customerId, CancellationToken cancellationToken);

    /// <summary>Moves dead letters back into the log (all of a shop's, or the given ids); returns how many.</summary>
    Task<int> ReplayAsync(string? shopId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken);
}

/// <summary>Where each appended entry went, in order: its log id, or <see cref="StoredId"/> when the store took it at once.</summary>
public sealed record Appended(IReadOnlyList<long> Ids)
{
    public const long StoredId = 0;

    public bool IsStored(int index) => Ids[index] == StoredId;

    /// <summary>The ids of the entries that wait in the log for the indexer.</summary>
    public IReadOnlyList<long> LoggedIds => Ids.Where(id => id != StoredId).ToArray();
}

/// <summary>Claimed entries, locked until settled or disposed (disposing without settling leaves them due).</summary>
public interface IIngestClaim : IAsyncDisposable
{
    IReadOnlyList<ClaimedEntry> Entries { get; }

    Task SettleAsync(IReadOnlyList<Settlement> settlements, CancellationToken cancellationToken);
}

/// <param name="Pending">Entries in the log.</param>
/// <param name="Due">Pending entries whose next attempt is now (not waiting out a backoff).</param>
public sealed record IngestLogStats(long Pending, long Due, long Retrying, DateTimeOffset? OldestPendingAt, long DeadLetters);

public sealed record DeadLetter(long Id, IngestKind Kind, string ShopId, DateTimeOffset ReceivedAt, DateTimeOffset FailedAt, int Attempts, string Reason, string Payload);
