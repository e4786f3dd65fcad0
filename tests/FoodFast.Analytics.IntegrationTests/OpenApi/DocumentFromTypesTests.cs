using System.Text.Json;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.OpenApi;

/// <summary>What the document derives from the handlers' types: a result cell's wire form, and the answers of typed returns.</summary>
public sealed class DocumentFromTypesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var client = await api.CreateReadyClientAsync();
        return await (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).ReadJsonAsync();
    }

    [Fact]
    public async Task A_rows_cells_are_documented_as_string_number_or_null()
    {
        var document = await DocumentAsync();

        var cell = document.GetProperty("components").GetProperty("schemas").GetProperty("QueryResult")
            .GetProperty("properties").GetProperty("rows").GetProperty("items").GetProperty("items");
        Assert.Equal(["null", "number", "string"], cell.GetProperty("type").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Typed_returns_document_every_answer_they_give()
    {
        var document = await DocumentAsync();
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject())
            .ToDictionary(op => op.Value.GetProperty("operationId").GetString()!, op => op.Value.GetProperty("responses"));
        string[] Answers(string id) => [.. operations[id].EnumerateObject().Select(r => r.Name).Where(s => s is not ("401" or "403" or "429")).Order(StringComparer.Ordinal)];
        string Schema(string id, string status) => JsonSerializer.Serialize(operations[id].GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        Assert.Equal(["200", "204", "404"], Answers("DeleteReport"));
        Assert.Equal("""{"$ref":"#/components/schemas/ReportJobResponse"}""", Schema("DeleteReport", "200"));
        Assert.Equal(["204", "404"], Answers("DeleteReportSchedule"));
        Assert.Equal(["202", "400"], Answers("GenerateReport")); // the alias queues like POST /api/v1/reports: 202, never 200
        Assert.Equal(Answers("CreateReport"), Answers("GenerateReport"));
        Assert.Equal(Schema("ListReports", "200"), Schema("GetReportHistory", "200"));
        Assert.Equal("""{"type":"array","items":{"$ref":"#/components/schemas/DeadLetter"}}""", Schema("GetDeadLetters", "200"));
        Assert.Equal(["202", "400"], Answers("Export"));
        // The live feed answers with its messages, or with a problem naming the field (400) or the room (403).
        Assert.Equal(["400"], Answers("StreamWebSocket"));
        Assert.True(operations["StreamWebSocket"].TryGetProperty("403", out _));
        Assert.Equal(Answers("StreamWebSocket"), Answers("StreamServerSentEvents"));
        // Every ingestion endpoint answers through IngestAnswer: counts, a named field, an unreadable body, the log down.
        foreach (var id in new[] { "IngestOrder", "IngestOrders", "ChangeOrderStatus", "IngestEvent", "IngestEvents", "TrackEvents", "IndexOrders", "CollectEvent" })
        {
            Assert.Equal(["202", "400", "503"], Answers(id).Where(s => s is not ("413" or "415")));
            Assert.Equal("""{"$ref":"#/components/schemas/IngestResult"}""", Schema(id, "202"));
            Assert.True(operations[id].GetProperty("503").GetProperty("content").TryGetProperty("application/problem+json", out _), id);
        }
    }
}
