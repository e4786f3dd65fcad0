using FoodFast.Analytics.Api.Security;

namespace FoodFast.Analytics.IntegrationTests.Reports.Delivery;

/// <summary>With the default settings a webhook may not point into the service's own network.</summary>
public sealed class WebhookAddressTests(ReportApiFactory factory) : IClassFixture<ReportApiFactory>
{
    [Fact]
    public async Task A_webhook_to_a_loopback_address_is_refused_at_once_and_the_report_stands()
    {
        using var loader = await factory.LoadedClientAsync();
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");
        await using var listener = await WebhookListener.StartAsync();

        var id = (await client.RequestDeliveredAsync("sales_summary", "csv",
            new { type = "webhook", url = $"{listener.BaseUrl}/ok", secret = "whsec-test-0123456789abcdef" })).GetProperty("id").GetString()!;
        var job = await client.WaitForDeliveryAsync(id);
        var outcome = job.GetProperty("delivery")[0];

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(("failed", 1), (outcome.GetProperty("status").GetString(), outcome.GetProperty("attempts").GetInt32()));
        Assert.StartsWith("the webhook address is refused: 127.0.0.1 resolves only to private, loopback or link-local addresses (127.0.0.1)",
            outcome.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(listener.Calls);
    }
}
