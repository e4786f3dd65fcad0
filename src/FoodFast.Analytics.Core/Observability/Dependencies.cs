namespace FoodFast.Analytics.Core.Observability;

/// <summary>The <c>dependency</c> label of <c>foodfast_dependency_errors_total</c>.</summary>
public static class Dependencies
{
    public const string Postgres = "postgres";
    public const string Redis = "redis";
}
