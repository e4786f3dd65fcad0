using System.Net;
using System.Text.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary><c>GET /api/v1/stream/stats</c>: clients of both instances, counted through Redis, scoped to the caller's shop.</summary>
public sealed class StreamStatsTests(LiveApiFactory api) : IClassFixture<LiveApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stats_count_the_clients_of_every_instance_and_a_shop_sees_only_its_own()
    {
        await using var second = new LiveSecondInstance(api);
        var keyA = (await api.CreateKeyAsync(Role.Analyst, "stats-a")).Key;
        var keyB = (await api.CreateKeyAsync(Role.Analyst, "stats-b")).Key;
        using var analystA = await api.CreateClientAsync(Role.Analyst, "stats-a");
        using var admin = await second.CreateReadyClientAsync();
        admin.DefaultRequestHeaders.Add("X-Api-Key", api.AdminKey);

        await using var shopRoomOnFirst = await LiveSocket.ConnectAsync(api.StreamUri(), keyA, Ct);
        await using var userRoomOnFirst = await LiveSocket.ConnectAsync(api.StreamUri("room=user:u-1"), keyA, Ct);
        using var sseOnSecond = await SseReader.OpenAsync(second.CreateClient(), "/api/v1/stream/sse", keyA, null, Ct);
        await using var shopBOnSecond = await LiveSocket.ConnectAsync(second.StreamUri(), keyB, Ct);
        await using var allShops = await LiveSocket.ConnectAsync(api.StreamUri(), api.AdminKey, Ct);

        var ofA = await StatsAsync(analystA, "");
        Assert.Equal("""{"scope":"cluster","instances":2,"total":3,"shops":[{"shopId":"stats-a","clients":3,"userRoomClients":1}]}""", Without(ofA, "at"));
        var all = await StatsAsync(admin, "");
        Assert.Equal("""{"scope":"cluster","instances":2,"total":5,"allShopsClients":1,"shops":[{"shopId":"stats-a","clients":3,"userRoomClients":1},{"shopId":"stats-b","clients":1,"userRoomClients":0}]}""",
            Without(all, "at"));
        Assert.Equal(1, (await StatsAsync(admin, "?shopId=stats-b")).GetProperty("total").GetInt64());

        await userRoomOnFirst.DisposeAsync();
        // The server notices the close and reports it without the client waiting: poll for it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await StatsAsync(analystA, "")).GetProperty("total").GetInt64() != 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }
        Assert.Equal("""{"scope":"cluster","instances":2,"total":2,"shops":[{"shopId":"stats-a","clients":2,"userRoomClients":0}]}""", Without(await StatsAsync(analystA, ""), "at"));
    }

    private static async Task<JsonElement> StatsAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/stream/stats" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static string Without(JsonElement json, string property) =>
        JsonSerializer.Serialize(json.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));
}
