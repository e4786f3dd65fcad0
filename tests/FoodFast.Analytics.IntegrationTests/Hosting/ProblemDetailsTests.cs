using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Hosting;

public sealed class ProblemDetailsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Unknown_route_is_a_404_problem_naming_the_path()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/nothing-here", TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No resource at /api/v1/nothing-here.", problem.GetProperty("detail").GetString());
        Assert.Equal("GET /api/v1/nothing-here", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        var response = await api.CreateClient().DeleteAsync("/health/ready", TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal("DELETE is not allowed on /health/ready.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unhandled_exception_is_a_500_problem_without_internals()
    {
        var response = await api.CreateClient().GetAsync(FaultInjection.ThrowPath, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain(FaultInjection.SecretMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain("at FoodFast", body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }
}
