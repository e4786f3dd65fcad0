namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>Settings of the Postgres analytics backend (<c>Storage:Postgres</c>).</summary>
public sealed class PostgresStoreOptions
{
    public const string Section = "Storage:Postgres";

    /// <summary>Connection string of the analytics database. Empty (default): the service database (<c>Postgres:ConnectionString</c>).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Memory each analytics query may use per sort or hash before spilling to disk (Postgres <c>work_mem</c>, set for
    /// the query's own transaction only). A query may use it several times over, once per sort or hash it runs.
    /// </summary>
    public int QueryWorkMemMegabytes { get; set; } = 64;

    /// <summary>
    /// Answer sums and counts of orders and order lines from the hourly rollups where they can (Queries/Rollups.cs);
    /// false reads the rows always. The rollups are kept either way.
    /// </summary>
    public bool UseRollups { get; set; } = true;
}
