using System.Text.Json;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Delivery;
using FoodFast.Analytics.ServiceData.ReportJobs;

namespace FoodFast.Analytics.Reports.Jobs;

/// <summary>Creates report jobs (from the API, direct exports and schedules): the row first, then the Quartz run.</summary>
public sealed class ReportRequests(ReportJobStore jobs, ReportScheduler scheduler, TimeProvider time)
{
    /// <summary>Records the job as queued and queues its run; <paramref name="id"/> defaults to a new one.</summary>
    public async Task<ReportJobRecord> CreateAsync(NewReport report, CancellationToken cancellationToken, Guid? id = null)
    {
        var job = new ReportJobRecord
        {
            Id = id ?? Guid.CreateVersion7(),
            ShopId = report.ShopId,
            Kind = report.Kind,
            Format = report.Format,
            Parameters = JsonSerializer.Serialize(report.Parameters, WireJson.Options),
            Status = ReportStatus.Queued,
            RequestedBy = report.RequestedBy,
            CreatedAt = time.GetUtcNow(),
            ScheduleId = report.ScheduleId,
            Delivery = DeliveryJson.Pending(report.Delivery),
        };
        await jobs.AddAsync(job, cancellationToken);
        try
        {
            await scheduler.EnqueueAsync(job.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await jobs.FailAsync(job.Id, $"the report could not be queued: {ex.Message}", CancellationToken.None);
            throw;
        }
        return job;
    }
}

/// <param name="ShopId">The shop the report reads; null: all shops (admin only).</param>
/// <param name="RequestedBy">The caller id, or <c>schedule:&lt;id&gt;</c>.</param>
/// <param name="Delivery">Where the finished report is sent (validated by <see cref="DeliveryValidation"/>).</param>
public sealed record NewReport(string? ShopId, string Kind, string Format, ReportParameters Parameters, string RequestedBy, Guid? ScheduleId = null,
    IReadOnlyList<DeliveryTarget>? Delivery = null);
