namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>Settings of the Postgres analytics backend (<c>Storage:Postgres</c>).</summary>
public sealed class PostgresStoreOptions
{
    public const string Section = "Storage:Postgres";

    /// <summary>Connection string of the analytics database. Empty (default): the service database (<c>Postgres:ConnectionString</c>).</summary>
    public string ConnectionString { get; set; } = "";
}
