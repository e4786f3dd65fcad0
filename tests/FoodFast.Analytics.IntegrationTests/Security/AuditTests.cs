using System.Net;
using System.Net.Http.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Api.Security.ApiKeys;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Security;

public sealed class AuditTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Key_creation_and_revocation_are_audited_with_actor_resource_shop_and_outcome()
    {
        var shop = $"shop-audit-{Guid.NewGuid():N}";
        using var admin = await api.CreateAdminClientAsync();
        var adminKeyId = (await (await admin.GetAsync("/api/v1/me", Ct)).ReadJsonAsync()).GetProperty("keyId").GetString();
        var created = await api.CreateKeyAsync(Role.Analyst, shop);
        await admin.DeleteAsync($"/api/v1/admin/api-keys/{created.Info.Id}", Ct);

        var creations = await AuditAsync(admin, $"shopId={shop}&action=api_key.create");
        var revocations = await AuditAsync(admin, $"shopId={shop}&action=api_key.revoke");

        var creation = Assert.Single(creations.GetProperty("items").EnumerateArray());
        Assert.Equal($"api-keys/{created.Info.Id}", creation.GetProperty("resource").GetString());
        Assert.Equal(shop, creation.GetProperty("shopId").GetString());
        Assert.Equal("succeeded", creation.GetProperty("outcome").GetString());
        Assert.Equal(adminKeyId, creation.GetProperty("keyId").GetString());
        Assert.Equal($"key:{adminKeyId}", creation.GetProperty("actor").GetString());
        var revocation = Assert.Single(revocations.GetProperty("items").EnumerateArray());
        Assert.Equal($"api-keys/{created.Info.Id}", revocation.GetProperty("resource").GetString());
        Assert.Equal("succeeded", revocation.GetProperty("outcome").GetString());
        Assert.True(revocation.GetProperty("at").GetDateTimeOffset() >= creation.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Refused_admin_calls_are_audited_as_rejected()
    {
        using var admin = await api.CreateAdminClientAsync();
        using var analyst = await api.CreateClientAsync(Role.Analyst, "shop-nosy");
        var analystKeyId = (await (await analyst.GetAsync("/api/v1/me", Ct)).ReadJsonAsync()).GetProperty("keyId").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/v1/admin/api-keys", Ct)).StatusCode);
        var missing = Guid.NewGuid();
        await admin.DeleteAsync($"/api/v1/admin/api-keys/{missing}", Ct);
        await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new CreateApiKeyRequest("bad", ["owner"], "shop-x", null), ApiFactory.Json, Ct);

        var revokes = (await AuditAsync(admin, "action=api_key.revoke&pageSize=500")).GetProperty("items").EnumerateArray();
        var creates = (await AuditAsync(admin, "action=api_key.create&pageSize=500")).GetProperty("items").EnumerateArray();
        var lists = (await AuditAsync(admin, "action=api_key.list&shopId=shop-nosy")).GetProperty("items").EnumerateArray();

        var revoke = Assert.Single(revokes, e => e.GetProperty("resource").GetString() == $"/api/v1/admin/api-keys/{missing}");
        Assert.Equal("rejected", revoke.GetProperty("outcome").GetString());
        Assert.Contains(creates, e => e.GetProperty("outcome").GetString() == "rejected" && !e.TryGetProperty("shopId", out _));
        var denied = Assert.Single(lists);
        Assert.Equal("rejected", denied.GetProperty("outcome").GetString());
        Assert.Equal(analystKeyId, denied.GetProperty("keyId").GetString());
        Assert.Equal("/api/v1/admin/api-keys", denied.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Audit_pages_newest_first_and_validates_paging()
    {
        var shop = $"shop-page-{Guid.NewGuid():N}";
        var keys = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            keys.Add((await api.CreateKeyAsync(Role.Ingest, shop)).Info.Id);
        }
        using var admin = await api.CreateAdminClientAsync();

        var second = await AuditAsync(admin, $"shopId={shop}&page=2&pageSize=2");
        var bad = await admin.GetAsync("/api/v1/admin/audit?page=0&pageSize=501", Ct);

        Assert.Equal(3, second.GetProperty("total").GetInt64());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        var oldest = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal($"api-keys/{keys[0]}", oldest.GetProperty("resource").GetString());
        var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("pageSize must be between 1 and 500.", errors.GetProperty("pageSize")[0].GetString());
        Assert.Equal("page must be 1 or more.", errors.GetProperty("page")[0].GetString());
    }

    private static async Task<System.Text.Json.JsonElement> AuditAsync(HttpClient admin, string query)
    {
        var response = await admin.GetAsync($"/api/v1/admin/audit?{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
