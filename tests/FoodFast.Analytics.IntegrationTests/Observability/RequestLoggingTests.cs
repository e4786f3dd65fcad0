using System.Net;
using System.Net.Http.Headers;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.IntegrationTests.Observability;

/// <summary>Request ids over HTTP, and every log line at Debug level checked for credentials.</summary>
public sealed class RequestLoggingTests(RequestLoggingTests.Logged api) : IClassFixture<RequestLoggingTests.Logged>
{
    /// <summary>Logs everything from Debug up (the shipped settings log less) into <see cref="Logs"/>.</summary>
    public sealed class Logged : ApiFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void Configure(IDictionary<string, string?> settings)
        {
            foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.Diagnostics.HealthChecks", "Microsoft.Extensions.Hosting.Internal.Host" })
            {
                settings[$"Logging:LogLevel:{category}"] = "Debug";
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_safe_request_id_is_echoed_and_put_in_problem_details_and_log_scopes_an_unsafe_one_is_replaced()
    {
        using var client = await api.CreateReadyClientAsync();

        using var kept = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        kept.Headers.Add("X-Request-Id", "checkout-7f3a.1");
        using var keptResponse = await client.SendAsync(kept, Ct);
        using var replaced = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        replaced.Headers.TryAddWithoutValidation("X-Request-Id", new string('x', 65));
        using var replacedResponse = await client.SendAsync(replaced, Ct);

        Assert.Equal("checkout-7f3a.1", keptResponse.Headers.GetValues("X-Request-Id").Single());
        var problem = await keptResponse.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("checkout-7f3a.1", problem.GetProperty("requestId").GetString());
        var generated = replacedResponse.Headers.GetValues("X-Request-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", generated);
        Assert.Equal(generated, (await replacedResponse.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("requestId").GetString());
        Assert.Contains(api.Logs.Lines, l => l.Contains("GET unmatched answered 404", StringComparison.Ordinal) && l.Contains("RequestId=checkout-7f3a.1", StringComparison.Ordinal));
        Assert.Contains(api.Logs.Lines, l => l.Contains("GET /api/v1/me answered 401", StringComparison.Ordinal) && l.Contains($"RequestId={generated}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_log_line_holds_a_key_or_token_sent_in_any_header_or_query_string()
    {
        var good = (await api.CreateKeyAsync(Role.Analyst, "shop-a")).Key;
        var admin = api.AdminKey;
        const string wrong = "ffk_wrongkey0000000000000000000000000000000";
        const string jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZWNyZXQtdXNlciIsInNob3BfaWQiOiJzaG9wLWEifQ.c2lnbmF0dXJlLXNlY3JldA";
        using var client = await api.CreateReadyClientAsync();

        var sent = new List<HttpStatusCode>();
        foreach (var (path, header, value) in new (string, string?, string?)[]
        {
            ("/api/v1/me", "Authorization", $"ApiKey {good}"),
            ("/api/v1/me", "Authorization", $"Bearer {good}"),
            ("/api/v1/me", "X-Api-Key", good),
            ("/api/v1/me", "X-Api-Key", wrong),
            ("/api/v1/me", "Authorization", $"Bearer {jwt}"),
            ("/api/v1/admin/api-keys", "Authorization", $"ApiKey {admin}"),
            ($"/api/v1/stream/sse?api_key={wrong}", null, null),
            ($"/api/v1/me?api_key={good}&access_token={jwt}", "X-Api-Key", wrong),
            ($"/api/v1/no-such-thing?access_token={good}", null, null),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation(header, value);
            }
            using var response = await client.SendAsync(request, Ct);
            sent.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound], sent);
        var lines = api.Logs.Lines;
        // The capture really saw these requests (a silent logger would pass the checks below vacuously).
        Assert.Contains(lines, l => l.Contains("GET /api/v1/me answered 200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("GET /api/v1/stream/sse answered 401", StringComparison.Ordinal));
        foreach (var secret in new[] { good, good[..16], admin, wrong, jwt, jwt.Split('.')[1], jwt.Split('.')[2] })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
