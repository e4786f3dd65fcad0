using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using FoodFast.Analytics.Reports.Files;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>
/// Mails a finished report through <c>Delivery:Smtp</c> (<see cref="SmtpClient"/>, STARTTLS when configured): the file
/// attached when it is at most <c>MaxAttachmentBytes</c>, otherwise a signed download link in the body. A failed
/// report is mailed as a short notice with its error.
/// </summary>
public sealed class EmailSender(IFileStore files, IOptions<DeliveryOptions> options)
{
    public async Task SendAsync(DeliveryTarget target, ReportJobRecord job, SignedLink? link, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new DeliveryFailedException("e-mail delivery is not configured: set Delivery:Smtp:Host", permanent: true);
        }
        using var message = new MailMessage { From = new MailAddress(smtp.From), SubjectEncoding = Encoding.UTF8, BodyEncoding = Encoding.UTF8 };
        foreach (var to in target.To ?? [])
        {
            message.To.Add(to);
        }
        var attach = job.Status == ReportStatus.Succeeded && job.SizeBytes <= options.Value.MaxAttachmentBytes;
        message.Subject = job.Status == ReportStatus.Succeeded
            ? $"FoodFast report: {job.FileName}"
            : $"FoodFast report failed: {job.Kind} for {job.ShopId ?? "all shops"}";
        message.Body = Body(job, attach ? null : link);
        if (attach)
        {
            var file = await files.OpenReadAsync(job.FileKey!, cancellationToken)
                ?? throw new DeliveryFailedException("the report file no longer exists (expired or deleted)", permanent: true);
            var attachment = new Attachment(file, new ContentType(job.ContentType!) { Name = job.FileName });
            attachment.ContentDisposition!.FileName = job.FileName;
            message.Attachments.Add(attachment); // disposed with the message, which closes the file
        }
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = options.Value.TimeoutSeconds * 1000,
            Credentials = string.IsNullOrEmpty(smtp.UserName) ? null : new NetworkCredential(smtp.UserName, smtp.Password),
        };
        try
        {
            await client.SendMailAsync(message, cancellationToken);
        }
        catch (SmtpException ex)
        {
            throw new DeliveryFailedException($"the SMTP server {smtp.Host}:{smtp.Port} refused or failed: {ex.Message}", inner: ex);
        }
    }

    private static string Body(ReportJobRecord job, SignedLink? link)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Report {job.Id} ({job.Kind}, {job.Format}) for {job.ShopId ?? "all shops"}"));
        if (job.Status != ReportStatus.Succeeded)
        {
            return text.Append(CultureInfo.InvariantCulture, $" failed: {job.Error}\r\n").ToString();
        }
        text.Append(CultureInfo.InvariantCulture, $" is ready: {job.FileName}, {job.SizeBytes} bytes, {job.RowsWritten} rows, SHA-256 {job.Sha256}.\r\n\r\n");
        return link is null
            ? text.Append("The file is attached.\r\n").ToString()
            : text.Append(CultureInfo.InvariantCulture, $"The file is too large to attach. Download it with this link (no API key needed) until {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC:\r\n{link.Url}\r\n").ToString();
    }
}
