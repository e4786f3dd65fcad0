using System.Text.Json;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Reports.Jobs;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>
/// Sends a finished (succeeded or failed) report to each of its pending targets, up to <c>Delivery:MaxAttempts</c> times,
/// and records every attempt on the job. It never changes the report itself: a target that cannot be served ends
/// <c>failed</c> with its last error, and the report stays downloadable. Each run makes one attempt per pending target,
/// all at once, and a retry is a later trigger of the report's job (exponential backoff): a dead target never holds a
/// scheduler thread through its backoff, so other reports are not delayed by it. Runs inside the report's Quartz job,
/// which requests recovery, so a crash mid-delivery resumes the pending targets.
/// </summary>
public sealed class ReportDeliverer(ReportJobStore jobs, WebhookSender webhooks, EmailSender email, DownloadLinks links,
    ReportScheduler scheduler, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<ReportDeliverer> logger)
{
    public async Task DeliverAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(jobId, shopScope: null, cancellationToken) is not { Status: ReportStatus.Succeeded or ReportStatus.Failed } job)
        {
            return;
        }
        var outcomes = DeliveryJson.Outcomes(job.Delivery).ToArray();
        var pending = Enumerable.Range(0, outcomes.Length).Where(i => outcomes[i].Status == DeliveryOutcome.Pending).ToList();
        if (pending.Count == 0)
        {
            return;
        }
        try
        {
            var link = job.Status == ReportStatus.Succeeded ? await links.CreateAsync(job, cancellationToken) : null;
            // The webhook gets the job as GET /api/v1/reports/{id} shows it, with the signed link as its downloadUrl.
            var body = JsonSerializer.SerializeToUtf8Bytes(ReportJobResponse.From(job) with { DownloadUrl = link?.Url, Delivery = null }, WireJson.Options);
            await Task.WhenAll(pending.Select(i => AttemptAsync(job, outcomes, i, link, body, cancellationToken)));
            await jobs.RecordDeliveryAsync(job.Id, DeliveryJson.Write(outcomes), CancellationToken.None);
            var retry = pending.Where(i => outcomes[i].Status == DeliveryOutcome.Pending).Select(i => outcomes[i].Attempts).DefaultIfEmpty(0).Min();
            if (retry > 0)
            {
                var delay = TimeSpan.FromMilliseconds(options.Value.RetryBaseDelayMilliseconds * Math.Pow(2, retry - 1));
                await scheduler.RetryDeliveryAsync(job.Id, retry, time.GetUtcNow() + delay, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The link key or the job row could not be read or written: the report stands; the targets stay as recorded.
            logger.LogWarning(ex, "Delivery of report {Id} stopped", jobId);
        }
    }

    /// <summary>One attempt at one target; its outcome is written into <paramref name="outcomes"/> (each attempt its own slot).</summary>
    private async Task AttemptAsync(ReportJobRecord job, DeliveryOutcome[] outcomes, int index, SignedLink? link, byte[] body, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxAttempts;
        var attempt = outcomes[index].Attempts + 1;
        var target = outcomes[index].Target;
        try
        {
            await (target.Type == DeliveryTarget.Webhook
                ? webhooks.SendAsync(target, job.Id, body, cancellationToken)
                : email.SendAsync(target, job, link, cancellationToken));
            outcomes[index] = outcomes[index] with { Status = DeliveryOutcome.Delivered, Attempts = attempt, LastError = null, DeliveredAt = time.GetUtcNow() };
            logger.LogInformation("Report {Id} delivered to {Type} target {Index} (attempt {Attempt})", job.Id, target.Type, index, attempt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var final = attempt >= max || ex is DeliveryFailedException { Permanent: true };
            var error = ex is DeliveryFailedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            outcomes[index] = outcomes[index] with { Status = final ? DeliveryOutcome.Failed : DeliveryOutcome.Pending, Attempts = attempt, LastError = error };
            logger.LogWarning("Report {Id}: {Type} target {Index} attempt {Attempt} of {Max} failed: {Error}", job.Id, target.Type, index, attempt, max, error);
        }
    }
}
