using FoodFast.Analytics.Reports.Files;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.Reports.Writers.Csv;
using FoodFast.Analytics.Reports.Writers.Html;
using FoodFast.Analytics.Reports.Writers.Pdf;
using FoodFast.Analytics.Reports.Writers.Xlsx;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Reports;

public static class ReportsSetup
{
    /// <summary>
    /// The report writers (every <see cref="IReportWriter"/>, one per format), the row-streaming writers of exports, both
    /// behind <see cref="ReportWriters"/>, the PDF renderer and the file store.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new HtmlReportWriter(Options(sp).DetailRowLimit));
        services.AddSingleton<IPdfRenderer>(sp =>
            new ChromiumPdfRenderer(Options(sp).ChromiumPath, TimeSpan.FromSeconds(Options(sp).ChromiumTimeoutSeconds)));
        services.AddSingleton<CsvReportWriter>();
        services.AddSingleton<IReportWriter>(sp => sp.GetRequiredService<CsvReportWriter>());
        services.AddSingleton<IReportWriter, Writers.Json.JsonReportWriter>();
        services.AddSingleton<IReportWriter>(sp => new XlsxReportWriter(Options(sp).MaxRowsPerSheet));
        services.AddSingleton<IReportWriter>(sp => sp.GetRequiredService<HtmlReportWriter>());
        services.AddSingleton<IReportWriter>(sp => new PdfReportWriter(sp.GetRequiredService<HtmlReportWriter>(), sp.GetRequiredService<IPdfRenderer>()));
        services.AddSingleton<IRowStreamingWriter>(sp => sp.GetRequiredService<CsvReportWriter>());
        services.AddSingleton<IRowStreamingWriter, Writers.Ndjson.NdjsonReportWriter>();
        services.AddSingleton<ReportWriters>();
        services.AddSingleton<IFileStore>(sp =>
        {
            var root = Options(sp).FilesRoot;
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new LocalFileStore(string.IsNullOrWhiteSpace(root) ? Path.Combine(contentRoot, ".local", "reports") : Path.Combine(contentRoot, root));
        });
        return services;
    }

    private static ReportsOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<ReportsOptions>>().Value;
}
