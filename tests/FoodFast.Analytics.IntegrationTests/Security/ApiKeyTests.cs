using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Api.Security.ApiKeys;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Npgsql;

namespace FoodFast.Analytics.IntegrationTests.Security;

public sealed class ApiKeyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Refused = "The API key is unknown, expired or revoked.";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Authorization", "ApiKey")]
    [InlineData("Authorization", "Bearer")]
    [InlineData("X-Api-Key", null)]
    public async Task Created_key_is_accepted_in_each_header_form(string header, string? scheme)
    {
        var created = await api.CreateKeyAsync(Role.Analyst, "shop-forms");
        using var client = await api.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Add(header, scheme is null ? created.Key : $"{scheme} {created.Key}");

        var me = await (await client.GetAsync("/api/v1/me", Ct)).ReadJsonAsync();

        Assert.Equal($"key:{created.Info.Id}", me.GetProperty("id").GetString());
        Assert.Equal("[\"analyst\"]", me.GetProperty("roles").GetRawText());
        Assert.Equal("shop-forms", me.GetProperty("shopId").GetString());
        Assert.Equal("shop-forms", me.GetProperty("resolvedShopId").GetString());
    }

    [Fact]
    public async Task Created_key_has_the_documented_shape_and_only_its_hash_is_stored()
    {
        var created = await api.CreateKeyAsync(Role.Ingest, "shop-shape");

        Assert.Matches("^ffk_[A-Za-z0-9_-]{43}$", created.Key);
        Assert.Equal(created.Key[..12], created.Info.Prefix);
        await using var data = api.Database.OpenDataSource();
        await using var command = data.CreateCommand("select key_hash, prefix, roles, shop_id from api_keys where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = created.Info.Id });
        await using var row = await command.ExecuteReaderAsync(Ct);
        Assert.True(await row.ReadAsync(Ct));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(created.Key)), (byte[])row[0]);
        Assert.Equal(created.Key[..12], row.GetString(1));
        Assert.Equal(["ingest"], (string[])row[2]);
        Assert.Equal("shop-shape", row.GetString(3));
    }

    [Fact]
    public async Task Listing_and_reading_never_return_keys_or_hashes()
    {
        var created = await api.CreateKeyAsync(Role.Analyst, "shop-list");
        using var admin = await api.CreateAdminClientAsync();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(created.Key));

        var list = await admin.GetStringAsync("/api/v1/admin/api-keys", Ct);
        var one = await (await admin.GetAsync($"/api/v1/admin/api-keys/{created.Info.Id}", Ct)).ReadJsonAsync();

        foreach (var body in new[] { list, one.GetRawText() })
        {
            Assert.DoesNotContain(created.Key, body, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(hash), body, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(hash), body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(["createdAt", "createdBy", "id", "name", "prefix", "roles", "shopId"], one.EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.Equal(created.Key[..12], one.GetProperty("prefix").GetString());
        Assert.Contains($"\"id\":\"{created.Info.Id}\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_key_is_refused_at_once_here_and_within_seconds_on_another_instance()
    {
        await using var other = new SecondInstance(api);
        var created = await api.CreateKeyAsync(Role.Analyst, "shop-revoke");
        using var here = ApiFactory.WithKey(await api.CreateReadyClientAsync(), created.Key);
        using var there = ApiFactory.WithKey(await other.CreateReadyClientAsync(), created.Key);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/api/v1/me", Ct)).StatusCode); // now cached there

        using var admin = await api.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/api-keys/{created.Info.Id}", Ct)).StatusCode);
        var clock = Stopwatch.StartNew();

        var problem = await (await here.GetAsync("/api/v1/me", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(Refused, problem.GetProperty("detail").GetString());
        while ((await there.GetAsync("/api/v1/me", Ct)).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), "the other instance still accepts the revoked key after 6 s");
            await Task.Delay(200, Ct);
        }
        await (await there.GetAsync("/api/v1/me", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var listed = await (await admin.GetAsync($"/api/v1/admin/api-keys/{created.Info.Id}", Ct)).ReadJsonAsync();
        Assert.True(listed.TryGetProperty("revokedAt", out _));
        Assert.DoesNotContain(created.Info.Id.ToString(), await admin.GetStringAsync("/api/v1/admin/api-keys", Ct), StringComparison.Ordinal);
        Assert.Contains(created.Info.Id.ToString(), await admin.GetStringAsync("/api/v1/admin/api-keys?includeRevoked=true", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_key_is_refused()
    {
        // The host is started and ready first: on a busy machine its start-up alone can outlast a short expiry.
        var ready = await api.CreateReadyClientAsync();
        var created = await api.CreateKeyAsync(Role.Analyst, "shop-expiry", DateTimeOffset.UtcNow.AddSeconds(3));
        using var client = ApiFactory.WithKey(ready, created.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);

        await Task.Delay(created.Info.ExpiresAt!.Value - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300), Ct);

        var response = await client.GetAsync("/api/v1/me", Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(Refused, problem.GetProperty("detail").GetString());
        Assert.Equal("ApiKey realm=\"foodfast\"", response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Theory]
    [InlineData("no key", null, "This endpoint needs a credential: send 'Authorization: ApiKey <key>' or 'X-Api-Key: <key>'.")]
    [InlineData("unknown key", "ApiKey ffk_notAKeyThatExists0000000000000000000000000", Refused)]
    [InlineData("JWT while none is configured", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "Bearer tokens (JWT) are not accepted by this service; send an API key.")]
    public async Task Missing_or_bad_credential_is_a_401_problem(string _, string? authorization, string detail)
    {
        using var client = await api.CreateReadyClientAsync();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        var response = await client.GetAsync("/api/v1/admin/api-keys", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal("ApiKey realm=\"foodfast\"", response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task Wrong_role_is_a_403_problem_naming_the_needed_role()
    {
        using var analyst = await api.CreateClientAsync(Role.Analyst, "shop-role");

        var problem = await (await analyst.GetAsync("/api/v1/admin/api-keys", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("This endpoint needs the role admin; this credential has analyst.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Creation_rejects_bad_fields_by_name()
    {
        using var admin = await api.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/admin/api-keys",
            new CreateApiKeyRequest("", ["analyst", "owner"], null, DateTimeOffset.UtcNow.AddMinutes(-1)), ApiFactory.Json, Ct);
        var adminWithShop = await admin.PostAsJsonAsync("/api/v1/admin/api-keys",
            new CreateApiKeyRequest("x", ["admin"], "shop-a", null), ApiFactory.Json, Ct);

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["expiresAt", "name", "roles[1]", "shopId"], errors.EnumerateObject().Select(e => e.Name).Order().ToArray());
        Assert.Equal("'owner' is not a role; valid roles are ingest, analyst, admin.", errors.GetProperty("roles[1]")[0].GetString());
        Assert.Equal("shopId is required: only admin keys span all shops.", errors.GetProperty("shopId")[0].GetString());
        var adminErrors = (await adminWithShop.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("admin keys span all shops: leave shopId out.", adminErrors.GetProperty("shopId")[0].GetString());
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_a_404_problem()
    {
        using var admin = await api.CreateAdminClientAsync();
        var id = Guid.NewGuid();

        var problem = await (await admin.DeleteAsync($"/api/v1/admin/api-keys/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"No API key with id {id}.", problem.GetProperty("detail").GetString());
    }
}
