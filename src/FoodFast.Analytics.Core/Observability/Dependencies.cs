namespace FoodFast.Analytics.Core.Observability;

/// <summary>The <c>dependency</c> label of <c>foodfast_dependency_errors_total</c>, and the dependency a 503 names.</summary>
public static class Dependencies
{
    public const string Postgres = "postgres";
    public const string Redis = "redis";
    public const string Elasticsearch = "elasticsearch";
}
