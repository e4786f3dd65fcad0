using System.Net;
using System.Net.Http.Headers;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Tests.Security;

namespace FoodFast.Analytics.IntegrationTests.Security;

/// <summary>HS256 tokens configured: they authenticate through the same pipeline as API keys, with the same scoping.</summary>
public sealed class JwtAuthenticationTests(JwtAuthenticationTests.WithJwt api) : IClassFixture<JwtAuthenticationTests.WithJwt>
{
    public sealed class WithJwt : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            JwtTokens.Configure(settings);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Valid_token_is_a_shop_scoped_caller()
    {
        using var client = await api.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JwtTokens.Hs256(JwtTokens.Claims(DateTimeOffset.UtcNow)));

        var me = await (await client.GetAsync("/api/v1/me", Ct)).ReadJsonAsync();
        var otherShop = await client.GetAsync("/api/v1/me?shopId=shop-b", Ct);
        var admin = await client.GetAsync("/api/v1/admin/api-keys", Ct);

        Assert.Equal("jwt:user-42", me.GetProperty("id").GetString());
        Assert.Equal("shop-a", me.GetProperty("resolvedShopId").GetString());
        Assert.False(me.TryGetProperty("keyId", out _));
        await otherShop.AssertProblemAsync(HttpStatusCode.Forbidden);
        await admin.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Refused_token_is_a_401_offering_both_schemes()
    {
        using var client = await api.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JwtTokens.None(JwtTokens.Claims(DateTimeOffset.UtcNow, ["admin"])));

        var response = await client.GetAsync("/api/v1/me", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The bearer token was refused: token algorithm 'none' is not accepted; this service accepts HS256 only.", problem.GetProperty("detail").GetString());
        Assert.Equal(["ApiKey realm=\"foodfast\"", "Bearer realm=\"foodfast\""], response.Headers.WwwAuthenticate.Select(h => h.ToString()).ToArray());
    }

    [Fact]
    public async Task Document_offers_the_bearer_scheme_when_jwt_is_configured()
    {
        using var client = await api.CreateReadyClientAsync();

        var document = await (await client.GetAsync("/openapi/v1.json", Ct)).ReadJsonAsync();

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Equal(2, document.GetProperty("paths").GetProperty("/api/v1/me").GetProperty("get").GetProperty("security").GetArrayLength());
    }
}
