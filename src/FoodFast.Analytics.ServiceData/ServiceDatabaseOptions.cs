using System.ComponentModel.DataAnnotations;

namespace FoodFast.Analytics.ServiceData;

/// <summary>The service's own database: schema migrations, ingest log, report jobs, API keys.</summary>
public sealed class ServiceDatabaseOptions
{
    public const string Section = "Postgres";

    /// <summary>Npgsql connection string. Default (appsettings.json): the private instance of scripts/services.sh on port 55432.</summary>
    [Required(ErrorMessage = "Postgres:ConnectionString is required (env Postgres__ConnectionString)")]
    public string ConnectionString { get; set; } = "";
}
