using System.Net;
using System.Net.Http.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Reports.Delivery;

/// <summary>
/// With the default settings a webhook may not point into the service's own network: an internal address written any
/// way is refused when the report or schedule is configured (400 naming the field), and a name is resolved and checked
/// again when the webhook is sent.
/// </summary>
public sealed class WebhookAddressTests(ReportApiFactory factory) : IClassFixture<ReportApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Secret = "whsec-test-0123456789abcdef";

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://2130706433/hook")]
    [InlineData("http://0x7f000001/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("https://[::ffff:169.254.169.254]/hook")]
    public async Task An_internal_webhook_address_is_refused_when_configured(string url)
    {
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");
        var delivery = new[] { new { type = "webhook", url, secret = Secret } };

        var report = await client.PostAsJsonAsync("/api/v1/reports", new { kind = "sales_summary", format = "csv", delivery }, Ct);
        var schedule = await client.PostAsJsonAsync("/api/v1/report-schedules",
            new { name = "n", kind = "sales_summary", format = "csv", cron = "0 0 6 * * ?", delivery }, Ct);

        foreach (var response in new[] { report, schedule })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("Delivery:AllowPrivateNetworkWebhooks", problem.GetProperty("errors").GetProperty("delivery[0].url")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_name_that_resolves_inside_is_refused_when_sent_and_the_report_stands()
    {
        using var loader = await factory.LoadedClientAsync();
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");
        await using var listener = await WebhookListener.StartAsync();
        // This machine's own name: it resolves to a loopback or private address, never to a public one.
        var host = Dns.GetHostName();
        var addresses = await Dns.GetHostAddressesAsync(host, Ct);
        Assert.True(addresses.Length > 0 && !addresses.Any(FoodFast.Analytics.Reports.Delivery.WebhookAddressGuard.IsPublic), $"{host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}");

        var id = (await client.RequestDeliveredAsync("sales_summary", "csv",
            new { type = "webhook", url = $"http://{host}:{new Uri(listener.BaseUrl).Port}/ok", secret = Secret })).GetProperty("id").GetString()!;
        var job = await client.WaitForDeliveryAsync(id);
        var outcome = job.GetProperty("delivery")[0];

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(("failed", 1), (outcome.GetProperty("status").GetString(), outcome.GetProperty("attempts").GetInt32()));
        Assert.StartsWith($"the webhook address is refused: {host} resolves only to private, loopback or link-local addresses",
            outcome.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(listener.Calls);
    }
}
