using System.ComponentModel.DataAnnotations;
using FoodFast.Analytics.Core.Ingestion.Validation;

namespace FoodFast.Analytics.Core.Ingestion;

/// <summary>Ingestion limits and indexer tuning (<c>Ingestion</c> section).</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Most items in one batch request (413 above). Default 10,000.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Ingestion:MaxBatchItems must be between 1 and 1000000")]
    public int MaxBatchItems { get; set; } = 10_000;

    /// <summary>Largest batch body in bytes (413 above). Default 10 MiB.</summary>
    [Range(1024, 1L << 30, ErrorMessage = "Ingestion:MaxBatchBytes must be between 1024 and 1073741824")]
    public long MaxBatchBytes { get; set; } = 10L << 20;

    /// <summary>Largest single-item body in bytes. Default 1 MiB.</summary>
    [Range(1024, 1L << 30, ErrorMessage = "Ingestion:MaxItemBytes must be between 1024 and 1073741824")]
    public long MaxItemBytes { get; set; } = 1L << 20;

    /// <summary>Most lines in one order (wholesale and catering orders run to thousands). Default 5,000.</summary>
    [Range(1, 100_000, ErrorMessage = "Ingestion:MaxLinesPerOrder must be between 1 and 100000")]
    public int MaxLinesPerOrder { get; set; } = ValidationRules.DefaultMaxLinesPerOrder;

    /// <summary>Most keys in an event's <c>properties</c>. Default 50.</summary>
    [Range(1, 1_000, ErrorMessage = "Ingestion:MaxPropertyKeys must be between 1 and 1000")]
    public int MaxPropertyKeys { get; set; } = ValidationRules.DefaultMaxPropertyKeys;

    /// <summary>How far in the future a timestamp may be (clock skew of producers), in seconds. Default 300.</summary>
    [Range(0, 86_400, ErrorMessage = "Ingestion:MaxClockSkewSeconds must be between 0 and 86400")]
    public int MaxClockSkewSeconds { get; set; } = 300;

    /// <summary>How far back a timestamp may be, in days. Default 3650.</summary>
    [Range(1, 36_500, ErrorMessage = "Ingestion:HorizonDays must be between 1 and 36500")]
    public int HorizonDays { get; set; } = 3650;

    /// <summary>
    /// On the Postgres backend sharing the service database, write accepted items into the analytics tables in the ingest
    /// log's own transaction, so they are queryable at the 202 and skip the indexer. Default true; false sends every item
    /// through the log and the indexer, as the Elasticsearch backend and a Postgres store of its own always do.
    /// </summary>
    public bool WriteThrough { get; set; } = true;

    /// <summary>Whether this instance runs the indexer. Default true; several instances may.</summary>
    public bool IndexerEnabled { get; set; } = true;

    /// <summary>
    /// Indexer loops per instance, each claiming its own batch (<c>SKIP LOCKED</c>), so one batch is parsed and copied while
    /// the store writes another. Default 1: on two cores a second loop took CPU from accepting (bench/README.md, Ingestion);
    /// raise it where there are cores to spare and the ingest log's depth keeps growing.
    /// </summary>
    [Range(1, 16, ErrorMessage = "Ingestion:IndexerWorkers must be between 1 and 16")]
    public int IndexerWorkers { get; set; } = 1;

    /// <summary>Entries the indexer moves per store write. Default 5,000.</summary>
    [Range(1, 100_000, ErrorMessage = "Ingestion:IndexerBatchSize must be between 1 and 100000")]
    public int IndexerBatchSize { get; set; } = 5_000;

    /// <summary>Attempts of an item the store keeps refusing as transient before it is dead-lettered. Default 12 (about an hour of backoff).</summary>
    [Range(1, 1_000, ErrorMessage = "Ingestion:MaxAttempts must be between 1 and 1000")]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Longest wait of <c>?wait=true</c>, in seconds. Default 30.</summary>
    [Range(1, 600, ErrorMessage = "Ingestion:WaitTimeoutSeconds must be between 1 and 600")]
    public int WaitTimeoutSeconds { get; set; } = 30;
}
