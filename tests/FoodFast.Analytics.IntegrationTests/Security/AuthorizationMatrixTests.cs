using System.Net;
using System.Text;
using System.Text.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.IntegrationTests.Security;

/// <summary>
/// Every operation of the live OpenAPI document, called anonymously, with each role, and (where it takes a
/// <c>shopId</c>) for another shop. An endpoint mapped without a role is not in the public allowlist and fails here.
/// </summary>
public sealed class AuthorizationMatrixTests(UnthrottledApiFactory api) : IClassFixture<UnthrottledApiFactory>
{
    /// <summary>The only operations anyone may call without a credential.</summary>
    private static readonly HashSet<string> PublicOperations = ["GET /health/live", "GET /health/ready"];

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private sealed record Operation(string Method, string Path, string[]? RequiredRoles, bool TakesShopId, bool HasBody)
    {
        public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
    }

    [Fact]
    public async Task Every_operation_enforces_its_role_and_shop()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = await api.CreateReadyClientAsync();
        var operations = Operations(await (await anonymous.GetAsync("/openapi/v1.json", ct)).ReadJsonAsync());
        var callers = new Dictionary<Role, HttpClient>
        {
            [Role.Admin] = await api.CreateAdminClientAsync(),
            [Role.Analyst] = await api.CreateClientAsync(Role.Analyst, "shop-a"),
            [Role.Ingest] = await api.CreateClientAsync(Role.Ingest, "shop-a"),
        };
        var failures = new List<string>();

        foreach (var op in operations)
        {
            using var anon = await SendAsync(anonymous, op, shopId: null);
            if (PublicOperations.Contains(op.ToString()))
            {
                Expect(failures, op, "anonymous", anon.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), anon);
                continue;
            }
            Expect(failures, op, "anonymous → 401 with WWW-Authenticate",
                anon.StatusCode == HttpStatusCode.Unauthorized && anon.Headers.WwwAuthenticate.ToString().StartsWith("ApiKey realm=\"foodfast\"", StringComparison.Ordinal), anon);
            if (op.RequiredRoles is null)
            {
                failures.Add($"{op}: declares no role (map it with RequireRole(...) or add it to the public allowlist)");
                continue;
            }
            foreach (var (role, client) in callers)
            {
                var allowed = role == Role.Admin || op.RequiredRoles.Contains(role.Name());
                using var response = await SendAsync(client, op, shopId: null);
                    Expect(failures, op, $"{role.Name()} {(allowed ? "allowed" : "→ 403")}", allowed
                    ? response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    : response.StatusCode == HttpStatusCode.Forbidden, response);
                if (allowed && role != Role.Admin && op.TakesShopId)
                {
                    using var otherShop = await SendAsync(client, op, shopId: "shop-b");
                            var body = await otherShop.Content.ReadAsStringAsync(ct);
                    Expect(failures, op, $"{role.Name()} of shop-a asking for shop-b → 403 naming shopId",
                        otherShop.StatusCode == HttpStatusCode.Forbidden && body.Contains("shopId 'shop-b'", StringComparison.Ordinal), otherShop);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The matrix really ran over the security endpoints (a broken document parse would pass vacuously).
        Assert.Contains(operations, o => o.ToString() == "DELETE /api/v1/admin/api-keys/{id}");
        Assert.Contains(operations, o => o.ToString() == "GET /api/v1/me" && o.TakesShopId);
        // Metrics are admin-only unless Observability:PublicMetrics opens them (PublicMetricsTests).
        Assert.Contains(operations, o => o.ToString() == "GET /metrics" && o.RequiredRoles is ["admin"]);
    }

    [Fact]
    public async Task Document_offers_the_api_key_scheme_and_marks_secured_operations()
    {
        using var client = await api.CreateReadyClientAsync();
        var document = await (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var create = document.GetProperty("paths").GetProperty("/api/v1/admin/api-keys").GetProperty("post");
        Assert.True(create.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        Assert.Equal(["admin"], create.GetProperty("x-required-roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(["admin", "analyst", "ingest"], document.GetProperty("paths").GetProperty("/api/v1/me").GetProperty("get")
            .GetProperty("x-required-roles").EnumerateArray().Select(r => r.GetString()!).Order().ToArray());
        // Decided in issue 6: analysts manage their own shop's report schedules (admins any shop's), as docs/security.md says.
        Assert.Equal(["analyst"], document.GetProperty("paths").GetProperty("/api/v1/report-schedules").GetProperty("post")
            .GetProperty("x-required-roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/swagger/index.html")]
    public async Task Health_and_api_docs_need_no_credential(string path)
    {
        using var anonymous = await api.CreateReadyClientAsync();

        var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Endpoints left out of the OpenAPI document escape the matrix above; this catches them.</summary>
    [Fact]
    public async Task Every_mapped_endpoint_declares_a_role_or_is_public()
    {
        using var _ = await api.CreateReadyClientAsync();
        // The /live page, the app's files and their scripts are public; the data they show needs a key.
        var publicRoutes = new HashSet<string> { "/health/live", "/health/ready", "/openapi/v1.json", "/live", "/live.js", "/app/{**path}" };

        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<RequiredRoleMetadata>() is null && !publicRoutes.Contains(e.RoutePattern.RawText!))
            .Select(e => e.DisplayName).ToList();

        Assert.True(undeclared.Count == 0, $"endpoints without RequireRole(...): {string.Join(", ", undeclared)}");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.TrimEnd('/') == "/api/v1/admin/audit");
        Assert.All(endpoints.Where(e => e.Metadata.GetMetadata<RequiredRoleMetadata>() is not null),
            e => Assert.NotEmpty(e.Metadata.GetOrderedMetadata<IAuthorizeData>()));
    }

    private static List<Operation> Operations(JsonElement document)
    {
        var list = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var op))
                {
                    continue;
                }
                var roles = op.TryGetProperty("x-required-roles", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToArray() : null;
                var takesShop = op.TryGetProperty("parameters", out var ps) && ps.EnumerateArray()
                    .Any(p => p.GetProperty("name").GetString() == "shopId" && p.GetProperty("in").GetString() == "query");
                list.Add(new Operation(method, path.Name, roles, takesShop, op.TryGetProperty("requestBody", out _)));
            }
        }
        return list;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Operation op, string? shopId)
    {
        // Any route value will do: authorization is decided before the handler looks at it.
        var path = System.Text.RegularExpressions.Regex.Replace(op.Path, "\\{[^}]+\\}", Guid.NewGuid().ToString());
        var uri = shopId is null ? path : $"{path}?shopId={Uri.EscapeDataString(shopId)}";
        using var request = new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), uri);
        if (op.HasBody)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        // Headers only: the status is what counts, and a granted stream (SSE) never ends by itself.
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    private static void Expect(List<string> failures, Operation op, string what, bool ok, HttpResponseMessage response)
    {
        if (!ok)
        {
            failures.Add($"{op}: expected {what}, got {(int)response.StatusCode}");
        }
    }
}
