using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Retention;

/// <summary>
/// The API with short retentions (events 30 days, orders 60, dead letters 10, report files 20, audit log forever), a batch
/// of 3 rows so every dataset needs several batches, report files in a folder of its own, and no scheduled run.
/// </summary>
public class RetentionApiFactory : ApiFactory
{
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), $"fftest-retention-{Guid.NewGuid():N}");

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Reports:FilesRoot"] = FilesRoot;
        settings["Retention:EventsDays"] = "30";
        settings["Retention:OrdersDays"] = "60";
        settings["Retention:DeadLettersDays"] = "10";
        settings["Retention:ReportFilesDays"] = "20";
        settings["Retention:AuditLogDays"] = "0";
        settings["Retention:BatchSize"] = "3";
        settings["Retention:Cron"] = "0 0 0 1 1 ? 2099";
    }

    /// <summary>Runs SQL on this factory's database (rows are placed at exact ages with <c>now() - interval</c>).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var dataSource = Database.OpenDataSource();
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public Task<long> CountAsync(string sql) => StoreQueries.ScalarAsync<long>(Database.ConnectionString, sql);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
