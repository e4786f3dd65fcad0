using System.Collections.Concurrent;
using System.Text;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Kibana;

/// <summary>
/// Runs scripts/kibana-import.sh (bash and curl, as in the kibana-setup container) against a listener in this process
/// that plays Kibana's /api/status and saved-objects import answers.
/// </summary>
public sealed class KibanaImportScriptTests
{
    private const string Available = """{"name":"kibana","status":{"overall":{"level":"available","summary":"All services and plugins are available"},"core":{"elasticsearch":{"level":"available"}}}}""";
    private const string Unavailable = """{"status":{"overall":{"level":"unavailable","summary":"Elasticsearch is unavailable"},"core":{"elasticsearch":{"level":"unavailable"}}}}""";
    private const string Degraded = """{"status":{"overall":{"level":"degraded","summary":"1 plugin degraded"},"core":{"savedObjects":{"level":"available"}}}}""";

    // successResults entries as importSavedObjectsFromStream (Kibana 9, src/core/packages/saved-objects/
    // import-export-server-internal/src/import/import_saved_objects.ts) writes them: type, id, meta, managed, then
    // overwrite, destinationId and createNewCopy when they apply.
    private const string ImportedInSpace = """
        {"successCount":20,"success":true,"warnings":[],"successResults":[
         {"type":"index-pattern","id":"foodfast-orders","meta":{"title":"ff-orders","icon":"indexPatternApp"},"managed":false},
         {"type":"dashboard","id":"ff-sales-overview","meta":{"title":"FoodFast Sales Overview","icon":"dashboardApp"},"managed":false,"overwrite":true,"destinationId":"0b5d7e2c-new"},
         {"type":"dashboard","id":"ff-customer-activity","meta":{"title":"FoodFast Customer Activity","icon":"dashboardApp"},"managed":false}]}
        """;

    private const string ImportedUnderNewIds = """
        {"successCount":20,"success":true,"warnings":[],"successResults":[{"type":"index-pattern","id":"foodfast-events","meta":{"title":"ff-events","icon":"indexPatternApp"},"managed":false,"destinationId":"5e1a-dv"},{"type":"dashboard","id":"ff-sales-overview","meta":{"title":"FoodFast \"Sales\" {Overview}","icon":"dashboardApp"},"managed":false,"overwrite":true,"destinationId":"9f0c-sales","createNewCopy":true},{"type":"lens","id":"ff-lens-funnel","meta":{"title":"Funnel steps","icon":"lensApp"},"managed":false,"destinationId":"77aa-funnel"},{"type":"dashboard","id":"ff-customer-activity","meta":{"title":"FoodFast Customer Activity","icon":"dashboardApp"},"managed":false,"destinationId":"c3d4-activity"}]}
        """;

    private const string PartlyFailed = """
        {"successCount":19,"success":false,"warnings":[],"errors":[
         {"id":"ff-lens-funnel","type":"lens","title":"Funnel steps","meta":{"title":"Funnel steps","icon":"lensApp"},
          "error":{"type":"missing_references","references":[{"type":"index-pattern","id":"foodfast-events"}]}}]}
        """;

    [Fact]
    public async Task Waits_until_available_creates_the_space_then_imports_every_object_into_it_with_the_api_key()
    {
        var statuses = new ConcurrentQueue<ScriptedResponse>([new(503, Unavailable), new(200, Degraded)]);
        using var kibana = new ScriptedNode(r => r.PathAndQuery switch
        {
            "/api/status" => statuses.TryDequeue(out var next) ? next : new(200, Available),
            "/api/spaces/space/analytics" => new(404, """{"statusCode":404,"error":"Not Found","message":"Not Found"}"""),
            "/api/spaces/space" => new(200, """{"id":"analytics","name":"analytics","disabledFeatures":[]}"""),
            _ => new(200, ImportedInSpace),
        });

        var run = await KibanaImportScript.RunAsync(kibana, ("KIBANA_SPACE", "analytics"), ("KIBANA_API_KEY", "c2VjcmV0OmtleQ=="), ("KIBANA_PUBLIC_URL", "http://kibana.example:5601/"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["/api/status", "/api/status", "/api/status", "/api/spaces/space/analytics", "/api/spaces/space", "/s/analytics/api/saved_objects/_import?overwrite=true"],
            kibana.Requests.Select(r => r.PathAndQuery));
        Assert.All(kibana.Requests, r => Assert.Equal("ApiKey c2VjcmV0OmtleQ==", r.Headers["Authorization"]));
        var createSpace = kibana.Requests[4];
        Assert.Equal(("POST", "application/json"), (createSpace.Method, createSpace.Headers["Content-Type"]));
        Assert.True(createSpace.Headers.ContainsKey("kbn-xsrf"));
        Assert.Equal("""{"id":"analytics","name":"analytics"}""", createSpace.BodyText);
        Assert.Contains("Created Kibana space 'analytics'.", run.Output, StringComparison.Ordinal);
        var import = kibana.Requests[^1];
        Assert.Equal("POST", import.Method);
        Assert.True(import.Headers.ContainsKey("kbn-xsrf"));
        var (name, fileName, content) = await KibanaImportScript.SingleFilePartAsync(import);
        Assert.Equal(("file", "foodfast.ndjson"), (name, fileName));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(SavedObjects.Folder, "foodfast.ndjson"), TestContext.Current.CancellationToken), content);
        Assert.Contains("Imported foodfast.ndjson: 20 objects.", run.Output, StringComparison.Ordinal);
        Assert.Contains("  FoodFast Sales Overview: http://kibana.example:5601/s/analytics/app/dashboards#/view/0b5d7e2c-new\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("  FoodFast Customer Activity: http://kibana.example:5601/s/analytics/app/dashboards#/view/ff-customer-activity\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_space_where_Kibana_stored_the_dashboards_under_new_ids_the_links_use_those_ids()
    {
        using var kibana = new ScriptedNode(r => r.PathAndQuery switch
        {
            "/api/status" => new(200, Available),
            "/api/spaces/space/analytics" => new(200, """{"id":"analytics","name":"Analytics"}"""),
            _ => new(200, ImportedUnderNewIds),
        });

        var run = await KibanaImportScript.RunAsync(kibana, ("KIBANA_SPACE", "analytics"), ("KIBANA_PUBLIC_URL", "http://kibana.example:5601"));

        Assert.Equal(0, run.ExitCode);
        var links = run.Output.Split('\n').Where(l => l.Contains("app/dashboards", StringComparison.Ordinal));
        Assert.Equal(
        [
            """  FoodFast "Sales" {Overview}: http://kibana.example:5601/s/analytics/app/dashboards#/view/9f0c-sales""",
            "  FoodFast Customer Activity: http://kibana.example:5601/s/analytics/app/dashboards#/view/c3d4-activity",
        ], links);
    }

    [Fact]
    public async Task An_existing_space_is_used_as_it_is()
    {
        using var kibana = new ScriptedNode(r => r.PathAndQuery switch
        {
            "/api/status" => new(200, Available),
            "/api/spaces/space/analytics" => new(200, """{"id":"analytics","name":"Analytics"}"""),
            _ => new(200, ImportedInSpace),
        });

        var run = await KibanaImportScript.RunAsync(kibana, ("KIBANA_SPACE", "analytics"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["/api/status", "/api/spaces/space/analytics", "/s/analytics/api/saved_objects/_import?overwrite=true"], kibana.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_space_id_Kibana_would_refuse_stops_before_any_request()
    {
        using var kibana = new ScriptedNode(_ => new(200, Available));

        var run = await KibanaImportScript.RunAsync(kibana, ("KIBANA_SPACE", "My Space"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("KIBANA_SPACE 'My Space' is not a space id", run.Errors, StringComparison.Ordinal);
        Assert.Empty(kibana.Requests);
    }

    [Fact]
    public async Task Uses_basic_auth_and_the_default_space_without_an_api_key()
    {
        using var kibana = new ScriptedNode(r => r.PathAndQuery == "/api/status" ? new(200, Available) : new(200, ImportedInSpace));

        var run = await KibanaImportScript.RunAsync(kibana, ("KIBANA_USERNAME", "elastic"), ("KIBANA_PASSWORD", "p@ss:word"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["/api/status", "/api/saved_objects/_import?overwrite=true"], kibana.Requests.Select(r => r.PathAndQuery));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("elastic:p@ss:word")), kibana.Requests[1].Headers["Authorization"]);
        Assert.Contains($"  FoodFast Customer Activity: {kibana.Url}app/dashboards#/view/ff-customer-activity\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partly_failed_import_prints_the_errors_and_exits_1()
    {
        using var kibana = new ScriptedNode(r => r.PathAndQuery == "/api/status" ? new(200, Available) : new(200, PartlyFailed));

        var run = await KibanaImportScript.RunAsync(kibana);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Import of foodfast.ndjson failed for some objects.", run.Errors, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"ff-lens-funnel\"", run.Errors, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"missing_references\"", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("app/dashboards", run.Output, StringComparison.Ordinal);
        Assert.False(kibana.Requests[1].Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_request_level_error_exits_1_with_the_status_and_message()
    {
        using var kibana = new ScriptedNode(r => r.PathAndQuery == "/api/status"
            ? new(200, Available)
            : new(400, """{"statusCode":400,"error":"Bad Request","message":"Invalid file extension .json"}"""));

        var run = await KibanaImportScript.RunAsync(kibana);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Import of foodfast.ndjson failed: HTTP 400 {\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"Invalid file extension .json\"}", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gives_up_when_Kibana_stays_unavailable_and_imports_nothing()
    {
        using var kibana = new ScriptedNode(_ => new(503, Unavailable));

        var run = await KibanaImportScript.RunAsync(kibana, ("KIBANA_WAIT_SECONDS", "1"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not available after 1s (last answer: HTTP 503, level 'unavailable')", run.Errors, StringComparison.Ordinal);
        Assert.All(kibana.Requests, r => Assert.Equal("/api/status", r.PathAndQuery));
    }
}
