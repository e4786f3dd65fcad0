using System.Net.Http.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Reports.Delivery;

/// <summary>
/// Issue 21 (H): one report thread, a webhook that keeps failing with long backoffs. The retries wait as later triggers,
/// not on the thread, so an unrelated report requested meanwhile is not held up by them.
/// </summary>
public sealed class DeadTargetTests(DeadTargetTests.OneThread factory) : IClassFixture<DeadTargetTests.OneThread>
{
    public sealed class OneThread : ReportApiFactory
    {
        public WebhookListener Webhooks { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Webhooks = await WebhookListener.StartAsync();
        }

        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            settings["Reports:MaxConcurrentJobs"] = "1";
            settings["Delivery:MaxAttempts"] = "3";
            settings["Delivery:RetryBaseDelayMilliseconds"] = "8000";
            settings["Delivery:AllowPrivateNetworkWebhooks"] = "true"; // the listener is on 127.0.0.1
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Webhooks.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_failing_webhook_in_backoff_does_not_delay_another_report()
    {
        var ct = TestContext.Current.CancellationToken;
        using var loader = await factory.LoadedClientAsync();
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");
        var failing = (await client.RequestDeliveredAsync("sales_summary", "csv",
            new { type = "webhook", url = $"{factory.Webhooks.BaseUrl}/down", secret = "whsec-test-0123456789abcdef" })).GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!factory.Webhooks.Calls.Any(c => c.Headers.GetValueOrDefault("X-FoodFast-Delivery") == failing) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
        }

        var other = (await client.RequestAsync("sales_summary", "csv")).GetProperty("id").GetString()!;
        var done = await client.WaitForAsync(other, TimeSpan.FromSeconds(5), "succeeded", "failed");

        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        var first = await (await client.GetAsync($"/api/v1/reports/{failing}", ct)).ReadJsonAsync();
        var outcome = first.GetProperty("delivery")[0];
        Assert.Equal(("pending", 1), (outcome.GetProperty("status").GetString(), outcome.GetProperty("attempts").GetInt32()));
    }
}
