using System.Net;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Hosting;

/// <summary>The Elasticsearch health endpoint on the Postgres backend: admins learn it is not in use, others may not ask.</summary>
public sealed class ElasticsearchHealthEndpointTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_postgres_an_admin_gets_a_404_problem_saying_elasticsearch_is_not_in_use()
    {
        using var admin = await api.CreateAdminClientAsync();

        var response = await admin.GetAsync("/api/v1/analytics/health/elasticsearch", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("the Elasticsearch backend is not in use", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_analyst_is_forbidden()
    {
        using var analyst = await api.CreateClientAsync(Role.Analyst);

        var response = await analyst.GetAsync("/api/v1/analytics/health/elasticsearch", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
