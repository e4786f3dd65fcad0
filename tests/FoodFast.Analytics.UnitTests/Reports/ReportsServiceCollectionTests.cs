using FoodFast.Analytics.Reports;
using FoodFast.Analytics.Reports.Files;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.Reports.Writers.Html;
using FoodFast.Analytics.Reports.Writers.Xlsx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.UnitTests.Reports;

public sealed class ReportsServiceCollectionTests : IDisposable
{
    private readonly string contentRoot = Directory.CreateTempSubdirectory("ff-reports-di-").FullName;

    private ServiceProvider Build(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = contentRoot })
        .AddReports()
        .BuildServiceProvider();

    [Fact]
    public void One_writer_per_format_with_configured_limits_and_the_store_under_the_content_root()
    {
        using var services = Build(new() { ["Reports:MaxRowsPerSheet"] = "500", ["Reports:DetailRowLimit"] = "25" });

        var writers = services.GetRequiredService<IEnumerable<IReportWriter>>().ToList();

        Assert.Equal(
            [("csv", ".csv", "text/csv; charset=utf-8"),
             ("json", ".json", "application/json; charset=utf-8"),
             ("xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
             ("html", ".html", "text/html; charset=utf-8"),
             ("pdf", ".pdf", "application/pdf")],
            writers.Select(w => (w.Format, w.FileExtension, w.ContentType)));
        Assert.Equal(500, writers.OfType<XlsxReportWriter>().Single().MaxDataRowsPerSheet);
        Assert.Equal(25, services.GetRequiredService<HtmlReportWriter>().DetailRowLimit);
        Assert.Equal(Path.Combine(contentRoot, ".local", "reports"), ((LocalFileStore)services.GetRequiredService<IFileStore>()).Root);
    }

    [Fact]
    public void A_configured_files_root_is_used()
    {
        var root = Path.Combine(contentRoot, "elsewhere");
        using var services = Build(new() { ["Reports:FilesRoot"] = root });

        Assert.Equal(root, ((LocalFileStore)services.GetRequiredService<IFileStore>()).Root);
    }

    [Fact]
    public void A_sheet_limit_beyond_excel_fails_validation_naming_the_setting()
    {
        using var services = Build(new() { ["Reports:MaxRowsPerSheet"] = "2000000" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ReportsOptions>>().Value);

        Assert.Contains("MaxRowsPerSheet", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(contentRoot, recursive: true);
}
