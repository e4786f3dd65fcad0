using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Files;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Reports.Jobs;

/// <summary>
/// Runs one report job from the start: claims it, builds the document, streams it through the format's writer
/// into the file store (temporary name, renamed when complete) and records the file. A heartbeat records progress
/// every second and stops the run when the job was cancelled. A failure is recorded as a readable error.
/// </summary>
public sealed class ReportRunner(
    ReportJobStore jobs, QueryEngine engine, IAnalyticsStore store, IFileStore files, ReportWriters writers,
    IOptions<ReportJobsOptions> options, TimeProvider time, ILogger<ReportRunner> logger, FoodFastMetrics metrics)
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);

    /// <summary>Runs the job; throws <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> (the scheduler's) fired.</summary>
    public async Task RunAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await jobs.StartAsync(id, cancellationToken) is not { } job)
        {
            return; // cancelled, deleted or already finished
        }
        logger.LogInformation("Report {Id} ({Kind}, {Format}) started, attempt {Attempt}", id, job.Kind, job.Format, job.Attempts);
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var rows = new RowCounter();
        ReportContext? context = null;
        using var heartbeat = new PeriodicTimer(HeartbeatInterval, time);
        var beating = BeatAsync(heartbeat, id, rows, () => context?.Position.Fraction ?? 0, cancelled);
        try
        {
            var definition = ReportCatalogue.Find(job.Kind) ?? throw new ReportFailedException($"unknown report kind '{job.Kind}'");
            var writer = writers.Find(job.Format) ?? throw new ReportFailedException($"unknown format '{job.Format}'");
            var parameters = JsonSerializer.Deserialize<ReportParameters>(job.Parameters, WireJson.Options) ?? new ReportParameters();
            // The period is fixed at the request: a run recovered after a crash covers the same days.
            var (from, to) = parameters.Period(job.CreatedAt, definition.DefaultDays);
            context = new ReportContext(job.ShopId, new ReportPeriod(from, to, parameters.Zone), parameters, engine, store.Exports)
            {
                RowDelayMilliseconds = options.Value.RowDelayMilliseconds,
            };
            var document = await definition.BuildAsync(context, cancelled.Token);
            var key = $"{id:N}{writer.FileExtension}";
            var stored = await files.WriteAsync(key, (stream, ct) => writer.WriteAsync(document, stream, rows, ct), cancelled.Token);
            var file = new ReportFile(stored.Key, FileName(job, context.Period, writer.FileExtension), stored.Size, stored.Sha256, writer.ContentType);
            if (!await jobs.SucceedAsync(id, file, rows.Rows, TimeSpan.FromDays(options.Value.RetentionDays), CancellationToken.None))
            {
                await files.DeleteAsync(stored.Key, CancellationToken.None); // cancelled while the file was being renamed
            }
            logger.LogInformation("Report {Id} written: {Rows} rows, {Size} bytes", id, rows.Rows, stored.Size);
            metrics.ReportJob("succeeded", job.Format, clock.Elapsed);
        }
        catch (OperationCanceledException) when (cancelled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Report {Id} cancelled after {Rows} rows", id, rows.Rows);
            metrics.ReportJob("cancelled", job.Format, clock.Elapsed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Report {Id} failed", id);
            await jobs.FailAsync(id, Readable(ex), CancellationToken.None);
            metrics.ReportJob("failed", job.Format, clock.Elapsed);
        }
        finally
        {
            heartbeat.Dispose();
            await beating;
        }
    }

    /// <summary>Every second: record progress, and cancel the run once the job is no longer running (DELETE).</summary>
    private async Task BeatAsync(PeriodicTimer timer, Guid id, RowCounter rows, Func<double> position, CancellationTokenSource run)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(CancellationToken.None))
            {
                var percent = (int)Math.Min(99, position() * 100);
                if (!await jobs.ProgressAsync(id, percent, rows.Rows, CancellationToken.None))
                {
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Progress of report {Id} could not be recorded", id);
        }
    }

    /// <summary>"sales_summary_shop-a_2026-10-24_2026-10-26.pdf": kind, shop and the local days covered.</summary>
    internal static string FileName(ReportJobRecord job, ReportPeriod period, string extension)
    {
        var first = period.ToLocal(period.From.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = period.ToLocal(period.To.UtcDateTime.AddTicks(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shop = new string((job.ShopId ?? "all-shops").Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return $"{job.Kind}_{shop}_{first}_{last}{extension}";
    }

    private static string Readable(Exception ex) => ex switch
    {
        ReportFailedException or InvalidOperationException => ex.Message,
        Core.Storage.DependencyFailedException => $"the analytics store failed: {ex.Message}",
        IOException => $"the report file could not be written: {ex.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private sealed class RowCounter : IProgress<ReportProgress>
    {
        private long _rows;

        public long Rows => Interlocked.Read(ref _rows);

        public void Report(ReportProgress value) => Interlocked.Exchange(ref _rows, value.RowsWritten);
    }
}

/// <summary>A report that cannot be produced for a reason worth telling the user as is.</summary>
public sealed class ReportFailedException(string message) : Exception(message);
