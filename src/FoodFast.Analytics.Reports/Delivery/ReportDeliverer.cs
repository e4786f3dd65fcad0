using System.Text.Json;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Postgres.ServiceData;
using FoodFast.Analytics.Reports.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>
/// Sends a finished (succeeded or failed) report to each of its pending targets, retrying with exponential backoff
/// up to <c>Delivery:MaxAttempts</c>, and records every attempt on the job. It never changes the report itself:
/// a target that cannot be served ends <c>failed</c> with its last error, and the report stays downloadable.
/// Runs inside the report's Quartz job, which requests recovery, so a crash mid-delivery resumes the pending targets.
/// </summary>
public sealed class ReportDeliverer(ReportJobStore jobs, WebhookSender webhooks, EmailSender email, DownloadLinks links,
    IOptions<DeliveryOptions> options, TimeProvider time, ILogger<ReportDeliverer> logger)
{
    public async Task DeliverAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(jobId, shopScope: null, cancellationToken) is not { Status: ReportStatus.Succeeded or ReportStatus.Failed } job)
        {
            return;
        }
        var outcomes = DeliveryJson.Outcomes(job.Delivery).ToArray();
        if (!outcomes.Any(o => o.Status == DeliveryOutcome.Pending))
        {
            return;
        }
        try
        {
            var link = job.Status == ReportStatus.Succeeded ? await links.CreateAsync(job, cancellationToken) : null;
            // The webhook gets the job as GET /api/v1/reports/{id} shows it, with the signed link as its downloadUrl.
            var body = JsonSerializer.SerializeToUtf8Bytes(ReportJobResponse.From(job) with { DownloadUrl = link?.Url, Delivery = null }, WireJson.Options);
            for (var i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i].Status == DeliveryOutcome.Pending)
                {
                    await DeliverOneAsync(job, outcomes, i, link, body, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The link key or the job row could not be read or written: the report stands; the targets stay as recorded.
            logger.LogWarning(ex, "Delivery of report {Id} stopped", jobId);
        }
    }

    private async Task DeliverOneAsync(ReportJobRecord job, DeliveryOutcome[] outcomes, int index, SignedLink? link, byte[] body, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxAttempts;
        for (var attempt = outcomes[index].Attempts + 1; attempt <= max; attempt++)
        {
            var target = outcomes[index].Target;
            try
            {
                await (target.Type == DeliveryTarget.Webhook
                    ? webhooks.SendAsync(target, job.Id, body, cancellationToken)
                    : email.SendAsync(target, job, link, cancellationToken));
                outcomes[index] = outcomes[index] with { Status = DeliveryOutcome.Delivered, Attempts = attempt, LastError = null, DeliveredAt = time.GetUtcNow() };
                await jobs.RecordDeliveryAsync(job.Id, DeliveryJson.Write(outcomes), CancellationToken.None);
                logger.LogInformation("Report {Id} delivered to {Type} target {Index} (attempt {Attempt})", job.Id, target.Type, index, attempt);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var final = attempt == max || ex is DeliveryFailedException { Permanent: true };
                var error = ex is DeliveryFailedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
                outcomes[index] = outcomes[index] with { Status = final ? DeliveryOutcome.Failed : DeliveryOutcome.Pending, Attempts = attempt, LastError = error };
                await jobs.RecordDeliveryAsync(job.Id, DeliveryJson.Write(outcomes), CancellationToken.None);
                logger.LogWarning("Report {Id}: {Type} target {Index} attempt {Attempt} of {Max} failed: {Error}", job.Id, target.Type, index, attempt, max, error);
                if (final)
                {
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.RetryBaseDelayMilliseconds * Math.Pow(2, attempt - 1)), time, cancellationToken);
            }
        }
    }
}
