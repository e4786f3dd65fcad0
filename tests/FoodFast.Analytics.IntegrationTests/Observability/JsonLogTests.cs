using System.Net;
using System.Text.Json;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Observability;

/// <summary>The built service in Production writes one JSON object per log line, with the request id in its scopes.</summary>
public sealed class JsonLogTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public async ValueTask InitializeAsync() => await _database.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DropAsync();

    [Fact]
    public async Task Production_logs_are_json_lines_carrying_the_request_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Postgres__ConnectionString"] = _database.ConnectionString,
            ["Redis__Configuration"] = TestServers.Redis,
            ["Redis__KeyPrefix"] = $"fftest:{_database.Name}:",
            ["Logging__LogLevel__FoodFast.Analytics.Requests"] = "Debug",
        });
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        using var client = service.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("X-Request-Id", "json-log-check-1");

        using var response = await client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The console logger writes from its own queue: wait for the line to come through.
        for (var i = 0; i < 100 && !service.Output.Contains("json-log-check-1", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, ct);
        }
        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(30)));

        var lines = service.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var logs = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(logs);
        var finished = Assert.Single(logs, l => l.GetProperty("Category").GetString() == "FoodFast.Analytics.Requests"
            && l.GetProperty("Scopes").EnumerateArray().Any(s => s.TryGetProperty("RequestId", out var id) && id.GetString() == "json-log-check-1"));
        Assert.StartsWith("GET /api/v1/me answered 401 in ", finished.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Equal(401, finished.GetProperty("State").GetProperty("Status").GetInt32());
        Assert.Contains(finished.GetProperty("Scopes").EnumerateArray(), s => s.GetProperty("Message").GetString() == "RequestId:json-log-check-1");
    }
}
