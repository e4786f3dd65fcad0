using System.Net.Http.Json;
using System.Text.Json;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Reports.Delivery;

/// <summary>
/// The report API with an SMTP listener and a webhook listener of its own, a 4 KiB attachment limit (larger files go
/// as links), webhooks allowed on loopback, three attempts per target 200 ms apart (doubling), and links naming <see cref="PublicBaseUrl"/>.
/// </summary>
public sealed class DeliveryApiFactory : ReportApiFactory
{
    public const string PublicBaseUrl = "http://analytics.test";
    public const string Sender = "reports@foodfast.example";
    public const int MaxAttachmentBytes = 4096;

    public SmtpListener Smtp { get; } = new();

    public WebhookListener Webhooks { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Webhooks = await WebhookListener.StartAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Delivery:Smtp:Host"] = "127.0.0.1";
        settings["Delivery:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Delivery:Smtp:StartTls"] = "false";
        settings["Delivery:Smtp:From"] = Sender;
        settings["Delivery:MaxAttachmentBytes"] = MaxAttachmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Delivery:MaxAttempts"] = "3";
        settings["Delivery:RetryBaseDelayMilliseconds"] = "200";
        settings["Delivery:PublicBaseUrl"] = PublicBaseUrl;
        settings["Delivery:AllowPrivateNetworkWebhooks"] = "true"; // the listener is on 127.0.0.1
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Webhooks.DisposeAsync();
    }
}

public static class DeliveryClient
{
    /// <summary>Requests a report with delivery targets; 202 and the job.</summary>
    public static async Task<JsonElement> RequestDeliveredAsync(this HttpClient client, string kind, string format, params object[] delivery)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/reports",
            new { kind, format, parameters = ReportClient.ContractPeriod, delivery }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>Polls the job until it is finished and none of its targets is pending any more.</summary>
    public static async Task<JsonElement> WaitForDeliveryAsync(this HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        JsonElement job = default;
        while (DateTime.UtcNow < deadline)
        {
            job = await client.WaitForAsync(id, TimeSpan.FromSeconds(90), "succeeded", "failed", "cancelled");
            if (job.GetProperty("delivery").EnumerateArray().All(d => d.GetProperty("status").GetString() != "pending"))
            {
                return job;
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"report {id} still has pending deliveries: {job}");
    }
}
