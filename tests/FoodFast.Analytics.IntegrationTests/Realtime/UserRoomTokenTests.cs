using System.Net;
using System.Net.Http.Headers;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Tests.Security;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>With JWTs configured: a token without the analyst role follows only its own user room, <c>user:{sub}</c>.</summary>
public sealed class UserRoomTokenTests(UserRoomTokenTests.WithJwt api) : IClassFixture<UserRoomTokenTests.WithJwt>
{
    public sealed class WithJwt : LiveApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            JwtTokens.Configure(settings);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_ingest_token_hears_its_own_user_room_and_may_not_join_another()
    {
        using var admin = await api.CreateAdminClientAsync();
        var ingest = Bearer(["ingest"]);
        using var own = await SseReader.OpenAsync(api.CreateClient(), "/api/v1/stream/sse", ingest, null, Ct);
        using var explicitOwn = await SseReader.OpenAsync(api.CreateClient(), "/api/v1/stream/sse?room=user:user-42", ingest, null, Ct);
        using var analystOfOther = await SseReader.OpenAsync(api.CreateClient(), "/api/v1/stream/sse?room=user:user-7", Bearer(["analyst"]), null, Ct);
        using var client = await api.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = ingest;

        using var other = await client.GetAsync("/api/v1/stream/sse?room=user:user-7", Ct);
        using var otherShop = await client.GetAsync("/api/v1/stream/sse?shopId=shop-b", Ct);
        using var events = await admin.PostAsync("/api/v1/events/batch", Sample.Json(new[]
        {
            Sample.Event("shop-a", type: ActivityType.PaymentCompleted) with { UserId = "user-7", OrderId = "o-7" },
            Sample.Event("shop-a", type: ActivityType.PaymentCompleted) with { UserId = "user-42", OrderId = "o-42" },
        }), Ct);

        var denied = await other.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("room", denied.GetProperty("field").GetString());
        Assert.Equal("room: user:user-7 is another user's room; without the analyst role this token may join only user:user-42", denied.GetProperty("detail").GetString());
        Assert.Equal("shopId", (await otherShop.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        // Both were published in one batch, user-7's first: a room that skipped it proves the filter.
        Assert.Equal("o-42", (await own.NextAsync(TimeSpan.FromSeconds(10), Ct)).Data.GetProperty("data").GetProperty("orderId").GetString());
        Assert.Equal("o-42", (await explicitOwn.NextAsync(TimeSpan.FromSeconds(10), Ct)).Data.GetProperty("data").GetProperty("orderId").GetString());
        Assert.Equal("o-7", (await analystOfOther.NextAsync(TimeSpan.FromSeconds(10), Ct)).Data.GetProperty("data").GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task A_browser_without_headers_opens_the_stream_with_its_token_in_access_token()
    {
        var token = JwtTokens.Hs256(JwtTokens.Claims(DateTimeOffset.UtcNow, ["analyst"], "shop-a"));
        using var admin = await api.CreateAdminClientAsync();
        using var stream = await SseReader.OpenAsync(api.CreateClient(), $"/api/v1/stream/sse?room=user:user-9&access_token={token}", (System.Net.Http.Headers.AuthenticationHeaderValue?)null, null, Ct);
        using var refused = await api.CreateClient().GetAsync("/api/v1/stream/sse?access_token=not-a-token", Ct);
        using var events = await admin.PostAsync("/api/v1/events/batch", Sample.Json(new[]
        {
            Sample.Event("shop-a", type: ActivityType.PaymentCompleted) with { UserId = "user-9", OrderId = "o-token" },
        }), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("o-token", (await stream.NextAsync(TimeSpan.FromSeconds(10), Ct)).Data.GetProperty("data").GetProperty("orderId").GetString());
    }

    private static AuthenticationHeaderValue Bearer(string[] roles) =>
        new("Bearer", JwtTokens.Hs256(JwtTokens.Claims(DateTimeOffset.UtcNow, roles, "shop-a")));
}
