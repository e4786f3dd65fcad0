using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.IntegrationTests.Observability;

/// <summary>With the shipped log levels, routine events (a refused request, the scheduler starting) print nothing.</summary>
public sealed class ShippedLogLevelTests(ShippedLogLevelTests.Logged api) : IClassFixture<ShippedLogLevelTests.Logged>
{
    /// <summary>Captures what the shipped appsettings.json lets through, plus the request lines (Debug) to show capture works.</summary>
    public sealed class Logged : ApiFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void Configure(IDictionary<string, string?> settings) =>
            settings["Logging:LogLevel:FoodFast.Analytics.Requests"] = "Debug";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    [Fact]
    public async Task A_refused_key_and_the_scheduler_start_leave_no_information_lines()
    {
        using var client = await api.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/dashboard?shopId=shop-a");
        request.Headers.Add("X-Api-Key", "ffk_not-a-key");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(api.Logs.Lines, l => l.Contains("answered 401", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains("was challenged", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Logs.Lines, l => l.StartsWith("Information Quartz", StringComparison.Ordinal));
    }
}
