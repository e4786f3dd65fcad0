using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Reports.Delivery;

/// <summary>Reports delivered by e-mail (through a real SMTP conversation) and webhook (real HTTP), and what is recorded on the job.</summary>
public sealed class DeliveryTests(DeliveryApiFactory factory) : IClassFixture<DeliveryApiFactory>
{
    private const string Secret = "whsec-test-0123456789abcdef";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_schedule_mails_the_file_attached_and_posts_a_signed_webhook_retried_after_a_500()
    {
        using var loader = await factory.LoadedClientAsync();
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");
        var hook = $"{factory.Webhooks.BaseUrl}/flaky/{Guid.NewGuid():N}";
        using var created = await client.PostAsJsonAsync("/api/v1/report-schedules", new
        {
            name = "mailed", kind = "sales_summary", format = "csv", parameters = ReportClient.ContractPeriod, timeZone = "UTC", cron = "0/2 * * * * ?",
            delivery = new object[]
            {
                new { type = "email", to = new[] { "ops@shop-a.example", "owner@shop-a.example" } },
                new { type = "webhook", url = hook, secret = Secret },
            },
        }, Ct);
        var schedule = await created.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scheduleId = schedule.GetProperty("id").GetString()!;
        var runId = (await WaitForRunAsync(client, scheduleId)).GetProperty("id").GetString()!;
        // One run is enough; a later one may still fire, and every assertion below picks this run's mail and calls.
        using var paused = await client.PatchAsJsonAsync($"/api/v1/report-schedules/{scheduleId}", new { enabled = false }, Ct);
        var job = await client.WaitForDeliveryAsync(runId);
        var file = await client.DownloadAsync(job);

        var mail = Assert.Single(factory.Smtp.Messages, m => m.Mime.Leaves().First().Text.Contains(runId, StringComparison.Ordinal));
        var attachment = Assert.Single(mail.Mime.Leaves(), p => p.Header("Content-Disposition").StartsWith("attachment", StringComparison.Ordinal));
        var calls = factory.Webhooks.Calls.Where(c => c.Headers.GetValueOrDefault("X-FoodFast-Delivery") == runId).ToList();
        var email = job.GetProperty("delivery")[0];
        var webhook = job.GetProperty("delivery")[1];

        Assert.Equal(DeliveryApiFactory.Sender, mail.From);
        Assert.Equal(["ops@shop-a.example", "owner@shop-a.example"], mail.To);
        Assert.Equal($"FoodFast report: {job.GetProperty("fileName").GetString()}", mail.Mime.Header("Subject"));
        Assert.Contains("The file is attached.", mail.Mime.Leaves().First().Text, StringComparison.Ordinal);
        Assert.Equal(job.GetProperty("fileName").GetString(), MimePart.Parameter(attachment.Header("Content-Disposition"), "filename"));
        Assert.Equal(file, attachment.Content);
        Assert.Equal([500, 200], calls.Select(c => c.AnsweredWith));
        foreach (var call in calls)
        {
            AssertSigned(call, Secret);
        }
        using var payload = JsonDocument.Parse(calls[1].Body);
        Assert.Equal(runId, payload.RootElement.GetProperty("id").GetString());
        Assert.Equal("succeeded", payload.RootElement.GetProperty("status").GetString());
        Assert.Equal(job.GetProperty("sha256").GetString(), payload.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(file, await DownloadAnonymouslyAsync(payload.RootElement.GetProperty("downloadUrl").GetString()!));
        Assert.Equal(("email", "delivered", 1), (email.GetProperty("target").GetProperty("type").GetString(), email.GetProperty("status").GetString(), email.GetProperty("attempts").GetInt32()));
        Assert.Equal(("webhook", "delivered", 2), (webhook.GetProperty("target").GetProperty("type").GetString(), webhook.GetProperty("status").GetString(), webhook.GetProperty("attempts").GetInt32()));
        Assert.Equal(hook, webhook.GetProperty("target").GetProperty("url").GetString());
        Assert.False(webhook.GetProperty("target").TryGetProperty("secret", out _)); // write-only
        Assert.False(webhook.TryGetProperty("lastError", out _));
        Assert.InRange(webhook.GetProperty("deliveredAt").GetDateTimeOffset(), job.GetProperty("finishedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow);
        Assert.False(schedule.GetProperty("delivery")[1].TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task A_file_over_the_attachment_limit_is_mailed_as_a_signed_link_that_needs_no_key()
    {
        using var loader = await factory.LoadedClientAsync();
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");
        var id = (await client.RequestDeliveredAsync("sales_summary", "html", new { type = "email", to = new[] { "big@shop-a.example" } })).GetProperty("id").GetString()!;
        var job = await client.WaitForDeliveryAsync(id);
        var file = await client.DownloadAsync(job);

        var mail = Assert.Single(factory.Smtp.Messages, m => m.Mime.Leaves().First().Text.Contains(id, StringComparison.Ordinal));
        var body = Assert.Single(mail.Mime.Leaves()).Text;
        var link = Regex.Match(body, @"http://analytics\.test/\S+").Value;

        Assert.True(file.Length > DeliveryApiFactory.MaxAttachmentBytes, $"the html report is {file.Length} bytes");
        Assert.Equal(["big@shop-a.example"], mail.To);
        Assert.Contains("too large to attach", body, StringComparison.Ordinal);
        Assert.Matches($"^http://analytics.test/api/v1/reports/{id}/download\\?expires=\\d+&signature=[0-9a-f]{{64}}$", link);
        Assert.Equal(file, await DownloadAnonymouslyAsync(link));
        Assert.Equal("delivered", job.GetProperty("delivery")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_is_recorded_failed_and_the_report_still_downloads()
    {
        using var loader = await factory.LoadedClientAsync();
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");
        var id = (await client.RequestDeliveredAsync("sales_summary", "csv",
            new { type = "webhook", url = $"{factory.Webhooks.BaseUrl}/down", secret = Secret })).GetProperty("id").GetString()!;
        var job = await client.WaitForDeliveryAsync(id);

        var outcome = job.GetProperty("delivery")[0];
        var calls = factory.Webhooks.Calls.Where(c => c.Headers.GetValueOrDefault("X-FoodFast-Delivery") == id).ToList();

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.NotEmpty(await client.DownloadAsync(job));
        Assert.Equal("failed", outcome.GetProperty("status").GetString());
        Assert.Equal(3, outcome.GetProperty("attempts").GetInt32());
        Assert.Equal("the webhook answered 503 Service Unavailable", outcome.GetProperty("lastError").GetString());
        Assert.False(outcome.TryGetProperty("deliveredAt", out _));
        Assert.Equal([503, 503, 503], calls.Select(c => c.AnsweredWith));
    }

    [Fact]
    public async Task Bad_delivery_targets_are_problems_naming_each_field()
    {
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");

        using var schedule = await client.PostAsJsonAsync("/api/v1/report-schedules", new
        {
            name = "bad targets", kind = "daily_sales", format = "csv", cron = "0 0 6 * * ?", timeZone = "Europe/Berlin",
            delivery = new object[]
            {
                new { type = "webhook", url = "ftp://files.shop-a.example/in", secret = Secret },
                new { type = "email", to = new[] { "ops@shop-a.example", "Ops <ops@shop-a.example>, x@evil.example" } },
                new { type = "fax" },
                new { type = "webhook", url = "https://hooks.shop-a.example/reports" },
            },
        }, Ct);
        var errors = (await schedule.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        using var report = await client.PostAsJsonAsync("/api/v1/reports", new { kind = "daily_sales", format = "csv", delivery = new[] { new { type = "email", to = Array.Empty<string>() } } }, Ct);
        var reportErrors = (await report.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");

        Assert.Equal(["delivery[0].url", "delivery[1].to[1]", "delivery[2].type", "delivery[3].secret"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("'fax' is not a delivery type; valid: email, webhook", errors.GetProperty("delivery[2].type")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["delivery[0].to"], reportErrors.EnumerateObject().Select(e => e.Name));
    }

    /// <summary>The receiver's check: HMAC-SHA256 with the secret over "t.body" equals v1, and t is recent.</summary>
    private static void AssertSigned(WebhookCall call, string secret)
    {
        var header = call.Headers["X-FoodFast-Signature"];
        var fields = header.Split(',').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        var signed = Encoding.ASCII.GetBytes(fields["t"] + ".").Concat(call.Body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        Assert.Equal(expected, fields["v1"]);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(fields["t"], CultureInfo.InvariantCulture), 0, 300);
        Assert.Equal("application/json; charset=utf-8", call.Headers["Content-Type"]);
    }

    private async Task<byte[]> DownloadAnonymouslyAsync(string link)
    {
        using var anonymous = await factory.CreateReadyClientAsync();
        using var response = await anonymous.GetAsync(new Uri(link.Replace(DeliveryApiFactory.PublicBaseUrl, "", StringComparison.Ordinal), UriKind.Relative), Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    private static async Task<JsonElement> WaitForRunAsync(HttpClient client, string scheduleId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var page = await (await client.GetAsync(new Uri($"/api/v1/reports?scheduleId={scheduleId}", UriKind.Relative), Ct)).ReadJsonAsync();
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return page.GetProperty("items")[page.GetProperty("items").GetArrayLength() - 1]; // the first run
            }
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"schedule {scheduleId} produced no report within 60 s");
    }
}
