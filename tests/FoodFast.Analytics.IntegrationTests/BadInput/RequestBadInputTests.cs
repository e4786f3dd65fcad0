using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.IntegrationTests.Observability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.IntegrationTests.BadInput;

/// <summary>
/// Issue 21 (B, D, F, G, 1, 2, 3, 4, 7, 8): each malformed request the tester found, over HTTP, answered with a
/// problem that names the field; refusals keep their status whatever the client accepts.
/// </summary>
public sealed class RequestBadInputTests(RequestBadInputTests.Logged api) : IClassFixture<RequestBadInputTests.Logged>
{
    /// <summary>The API with its log captured from Debug up, so a test can check how a refusal was logged.</summary>
    public sealed class Logged : ApiFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void Configure(IDictionary<string, string?> settings) => settings["Logging:LogLevel:Default"] = "Debug";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Range = "\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-08T00:00:00Z\"";

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static string[] Fields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    [Theory]
    [InlineData("text/event-stream")]
    [InlineData("text/html")]
    [InlineData("text/csv")]
    [InlineData("image/png")]
    public async Task A_challenge_keeps_its_status_and_header_whatever_the_client_accepts(string accept)
    {
        using var client = await api.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream/sse");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        using var response = await client.SendAsync(request, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("ApiKey realm=\"foodfast\"", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        Assert.Equal("GET /api/v1/stream/sse", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task A_forbidden_answer_is_a_403_problem_for_an_event_stream_client()
    {
        using var client = await api.CreateClientAsync(Role.Ingest);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/dashboard");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await client.SendAsync(request, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("\"metrics\":null", "metrics")]
    [InlineData("\"metrics\":[null]", "metrics[0]")]
    [InlineData("\"metrics\":[\"revenue\"],\"groupBy\":[null]", "groupBy[0]")]
    [InlineData("\"metrics\":[\"revenue\"],\"filters\":[{\"dimension\":\"currency\"}]", "filters[0].values")]
    [InlineData("\"metrics\":[\"revenue\"],\"filters\":[null]", "filters[0]")]
    [InlineData("\"metrics\":[\"revenue\"],\"timeZone\":\"W. Europe Standard Time\"", "timeZone")]
    [InlineData("\"metrics\":[\"revenue\"],\"ranges\":[{\"field\":\"total\",\"min\":10,\"max\":5}]", "ranges[0].min")]
    [InlineData("\"metrics\":\"revenue\"", "metrics")]
    [InlineData("\"metrics\":[\"revenue\"],\"dataset\":\"orders\\u0000\"", "dataset")]
    public async Task A_query_with_nulls_or_wrong_values_is_a_400_naming_the_field(string fields, string named)
    {
        using var client = await api.CreateAdminClientAsync();

        var dataset = fields.Contains("dataset", StringComparison.Ordinal) ? "" : "\"dataset\":\"orders\",";
        var query = await client.PostAsync("/api/v1/analytics/query", Body($"{{{dataset}{Range},{fields}}}"), Ct);
        var dashboard = await client.PostAsync("/api/v1/dashboards", Body(
            $"{{\"shopId\":\"shop-a\",\"name\":\"d\",\"widgets\":[{{\"title\":\"t\",\"chartType\":\"table\",\"query\":{{{Range},{fields}}}}}]}}"), Ct);

        Assert.Contains(named, Fields(await query.AssertProblemAsync(HttpStatusCode.BadRequest)));
        Assert.Contains($"widgets[0].query.{named}", Fields(await dashboard.AssertProblemAsync(HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_wrong_value_inside_a_record_says_what_the_member_expects()
    {
        using var client = await api.CreateAdminClientAsync();

        var response = await client.PostAsync("/api/v1/analytics/query", Body($"{{\"dataset\":\"orders\",{Range},\"metrics\":[\"revenue\"],\"ranges\":[{{\"field\":\"total\",\"min\":\"abc\"}}]}}"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("ranges[0].min", problem.GetProperty("field").GetString());
        Assert.Equal(Core.Orders.Money.Expected, problem.GetProperty("expected").GetString());
        Assert.Equal($"must be {Core.Orders.Money.Expected}, got \"abc\"", problem.GetProperty("errors").GetProperty("ranges[0].min")[0].GetString());
    }

    [Fact]
    public async Task A_query_without_to_says_to_is_missing()
    {
        using var client = await api.CreateAdminClientAsync();

        var response = await client.PostAsync("/api/v1/analytics/query", Body("{\"dataset\":\"orders\",\"metrics\":[\"revenue\"],\"from\":\"2026-11-01T00:00:00Z\"}"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("is required", problem.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-13-01T00:00:00Z&to=2026-12-01T00:00:00Z", "from", "2026-13-01T00:00:00Z")]
    [InlineData("from=2026-11-31&to=2026-12-01", "from", "2026-11-31")]
    [InlineData("from=11/10/2026&to=2026-12-01", "from", "11/10/2026")]
    [InlineData("days=abc", "days", "abc")]
    public async Task An_unparseable_parameter_names_itself_what_was_received_and_what_is_expected(string query, string field, string received)
    {
        using var client = await api.CreateAdminClientAsync();

        var response = await client.GetAsync($"/api/v1/analytics/sales/revenue?shopId=shop-a&{query}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(received, problem.GetProperty("received").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("expected").GetString()));
        Assert.Contains(field, Fields(problem));
    }

    [Fact]
    public async Task A_body_value_of_the_wrong_type_names_its_json_path_and_quotes_it()
    {
        using var client = await api.CreateAdminClientAsync();

        var response = await client.PostAsync("/api/v1/reports", Body("{\"kind\":\"sales_summary\",\"format\":\"csv\",\"parameters\":{\"from\":\"2026-11-31\",\"to\":\"2026-12-01\"}}"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("parameters.from", problem.GetProperty("field").GetString());
        Assert.Equal("\"2026-11-31\"", problem.GetProperty("received").GetString());
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Pacific Standard Time")]
    public async Task Windows_time_zone_ids_are_refused_everywhere_naming_the_field(string zone)
    {
        using var client = await api.CreateAdminClientAsync();
        var encoded = Uri.EscapeDataString(zone);

        var sales = await client.GetAsync($"/api/v1/analytics/sales/revenue?shopId=shop-a&timeZone={encoded}", Ct);
        var alias = await client.GetAsync($"/api/v1/reports/daily-sales?shopId=shop-a&tz={encoded}", Ct);
        var report = await client.PostAsync("/api/v1/reports", Body($"{{\"kind\":\"sales_summary\",\"format\":\"csv\",\"shopId\":\"shop-a\",\"parameters\":{{\"timeZone\":\"{zone}\"}}}}"), Ct);
        var schedule = await client.PostAsync("/api/v1/report-schedules", Body($"{{\"name\":\"n\",\"kind\":\"sales_summary\",\"format\":\"csv\",\"shopId\":\"shop-a\",\"cron\":\"0 0 6 * * ?\",\"timeZone\":\"{zone}\"}}"), Ct);

        Assert.Contains("timeZone", Fields(await sales.AssertProblemAsync(HttpStatusCode.BadRequest)));
        Assert.Contains("tz", Fields(await alias.AssertProblemAsync(HttpStatusCode.BadRequest)));
        Assert.Contains("parameters.timeZone", Fields(await report.AssertProblemAsync(HttpStatusCode.BadRequest)));
        Assert.Contains("timeZone", Fields(await schedule.AssertProblemAsync(HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task An_empty_report_time_zone_is_refused_as_queries_refuse_it()
    {
        using var client = await api.CreateAdminClientAsync();

        var report = await client.PostAsync("/api/v1/reports", Body("{\"kind\":\"sales_summary\",\"format\":\"csv\",\"shopId\":\"shop-a\",\"parameters\":{\"tz\":\"\"}}"), Ct);

        Assert.Contains("parameters.tz", Fields(await report.AssertProblemAsync(HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task Nul_characters_are_refused_before_they_reach_postgres()
    {
        using var client = await api.CreateAdminClientAsync();

        var key = await client.PostAsync("/api/v1/admin/api-keys", Body("{\"name\":\"a\\u0000b\",\"roles\":[\"analyst\"],\"shopId\":\"shop-a\"}"), Ct);
        var keyShop = await client.PostAsync("/api/v1/admin/api-keys", Body("{\"name\":\"ab\",\"roles\":[\"analyst\"],\"shopId\":\"shop\\u0000a\"}"), Ct);
        var schedule = await client.PostAsync("/api/v1/report-schedules", Body("{\"name\":\"n\\u0000\",\"kind\":\"sales_summary\",\"format\":\"csv\",\"shopId\":\"shop-a\",\"cron\":\"0 0 6 * * ?\"}"), Ct);
        var search = await client.GetAsync("/api/v1/analytics/search?shopId=shop-a&query=a%00b", Ct);

        Assert.Equal("name", (await key.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("shopId", (await keyShop.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("name", (await schedule.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("query", (await search.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("events")]
    [InlineData("orders")]
    [InlineData("all")]
    public async Task Search_answers_each_type_alone(string type)
    {
        using var client = await api.CreateAdminClientAsync();

        var response = await client.GetAsync($"/api/v1/analytics/search?shopId=shop-a&query=baguette&type={type}", Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_refused_request_is_logged_as_information_not_as_an_unhandled_exception()
    {
        using var client = await api.CreateAdminClientAsync();

        var response = await client.GetAsync("/api/v1/analytics/sales/revenue?shopId=shop%20de", Ct);

        Assert.Equal("shopId", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(api.Logs.Lines, l => l.StartsWith("Information FoodFast.Analytics.Api.Errors.ClientErrorHandler: Refused GET /api/v1/analytics/sales/revenue: 400", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/reports?shopId=shop-b")]
    [InlineData("/reports/history?shopId=shop-b")]
    [InlineData("/api/v1/report-schedules?shopId=shop-b")]
    public async Task Report_listings_refuse_another_shop(string path)
    {
        using var client = await api.CreateClientAsync(Role.Analyst, "shop-a");

        var response = await client.GetAsync(path, Ct);

        Assert.Equal("shopId", (await response.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413()
    {
        using var client = await api.CreateAdminClientAsync();
        var big = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"dataset\":\"orders\",\"metrics\":[\"" + new string('x', 11 << 20) + "\"]}")));
        big.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/analytics/query") { Content = big };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_time_zone_is_timeZone_with_tz_as_its_alias()
    {
        using var client = await api.CreateAdminClientAsync();

        var named = await (await client.GetAsync("/api/v1/analytics/sales/revenue?shopId=shop-a&timeZone=Europe/Berlin&days=2", Ct)).ReadJsonAsync();
        var alias = await (await client.GetAsync("/api/v1/analytics/sales/revenue?shopId=shop-a&tz=Europe/Berlin&days=2", Ct)).ReadJsonAsync();
        var both = await client.GetAsync("/api/v1/analytics/sales/revenue?shopId=shop-a&tz=UTC&timeZone=Europe/Berlin", Ct);

        Assert.Equal("Europe/Berlin", named.GetProperty("meta").GetProperty("timeZone").GetString());
        Assert.Equal("Europe/Berlin", alias.GetProperty("meta").GetProperty("timeZone").GetString());
        Assert.Contains("tz", Fields(await both.AssertProblemAsync(HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_report_echoes_the_time_zone_as_sent_and_marks_the_defaults_it_applied()
    {
        using var client = await api.CreateAdminClientAsync();

        var alias = await (await client.PostAsync("/api/v1/reports", Body("{\"kind\":\"sales_summary\",\"format\":\"csv\",\"shopId\":\"shop-a\",\"parameters\":{\"tz\":\"Europe/Berlin\"}}"), Ct)).ReadJsonAsync();
        var bare = await (await client.PostAsync("/api/v1/reports", Body("{\"kind\":\"sales_summary\",\"format\":\"csv\",\"shopId\":\"shop-a\"}"), Ct)).ReadJsonAsync();

        Assert.Equal("{\"tz\":\"Europe/Berlin\"}", alias.GetProperty("parameters").GetRawText());
        Assert.Equal("{\"days\":30}", alias.GetProperty("defaults").GetRawText());
        Assert.Equal("{}", bare.GetProperty("parameters").GetRawText());
        Assert.Equal("{\"timeZone\":\"UTC\",\"days\":30}", bare.GetProperty("defaults").GetRawText());
    }
}
