using System.Globalization;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.OpenApi;

/// <summary>
/// The operations under <see cref="DocumentedOperation.ExampledTags"/> are documented well enough to use: a summary, a
/// described parameter each, an example request and answer, and the problem answers. Each example request is then sent
/// to the API holding the contract data, and the answer must have the documented shape.
/// </summary>
public sealed class OperationExampleTests(ExampleApiFactory api) : IClassFixture<ExampleApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<DocumentedOperation>> ExampledOperationsAsync(HttpClient client)
    {
        var document = await (await client.GetAsync("/openapi/v1.json", Ct)).ReadJsonAsync();
        var analyst = DocumentedOperation.AnalystOperations(document);
        var unplaced = analyst.Where(o => !DocumentedOperation.ExampledTags.Contains(o.Tag) && !DocumentedOperation.ExemptTags.Contains(o.Tag)).ToList();
        Assert.True(unplaced.Count == 0, $"analyst operations under a tag neither exampled nor exempt: {string.Join(", ", unplaced)}");
        var exampled = analyst.Where(o => DocumentedOperation.ExampledTags.Contains(o.Tag)).ToList();
        // The checks below really ran (a broken parse would pass vacuously): 32 analytics, 4 recommendation and 6 saved-dashboard operations today.
        Assert.True(exampled.Count >= 42, $"only {exampled.Count} exampled operations found");
        return exampled;
    }

    [Fact]
    public async Task Every_exampled_operation_has_a_summary_described_parameters_examples_and_its_problem_answers()
    {
        using var client = await api.LoadedClientAsync();
        var failures = new List<string>();

        foreach (var op in await ExampledOperationsAsync(client))
        {
            if (!op.Operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            {
                failures.Add($"{op}: no summary");
            }
            failures.AddRange(op.Parameters.Where(p => !p.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
                .Select(p => $"{op}: parameter {DocumentedOperation.Name(p)} has no description"));
            failures.AddRange(op.Parameters.Where(p => DocumentedOperation.In(p) == "path" && !p.TryGetProperty("example", out _))
                .Select(p => $"{op}: path parameter {DocumentedOperation.Name(p)} has no example"));
            // 204 is the one success documented without a body; any other needs the example answer.
            if (op.SuccessStatus == "204")
            {
                if (op.Operation.GetProperty("responses").GetProperty("204").TryGetProperty("content", out _))
                {
                    failures.Add($"{op}: 204 documents a body");
                }
            }
            else if (op.SuccessStatus is not { } success || !op.TryGetExample(success, "application/json", out _))
            {
                failures.Add($"{op}: no example answer for {op.SuccessStatus ?? "its success"} (add OpenApi/Examples/{op.Id}.json)");
            }
            if (op.Operation.TryGetProperty("requestBody", out var body) && !body.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _))
            {
                failures.Add($"{op}: no example request body");
            }
            if (!op.Parameters.Any(p => p.TryGetProperty("example", out _)) && !op.Operation.TryGetProperty("requestBody", out _))
            {
                failures.Add($"{op}: no example request (parameter examples)");
            }
            // An operation whose only input is its route (GET /dashboards/{id:guid}) has no 400 to document.
            // ...and each problem it documents beyond those (404, 412, 503) shows what it looks like too.
            var problems = (op.TakesInput ? new[] { "400", "401", "403", "429" } : ["401", "403", "429"]).Union(op.ProblemStatuses);
            failures.AddRange(problems.Where(status => !op.TryGetExample(status, "application/problem+json", out _))
                .Select(status => $"{op}: no {status} problem answer with an example"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_documented_example_request_answers_in_the_documented_shape()
    {
        using var client = await api.LoadedClientAsync();
        var failures = new List<string>();

        // In document order: the saved-dashboard examples create, replace and delete for real, on the dashboards
        // ExampleApiFactory saved under the ids they name (the one deleted is used by no other example).
        foreach (var op in await ExampledOperationsAsync(client))
        {
            var success = op.SuccessStatus ?? "200";
            var example = default(System.Text.Json.JsonElement);
            if (success != "204" && !op.TryGetExample(success, "application/json", out example))
            {
                failures.Add($"{op}: no example answer");
                continue;
            }
            using var request = op.ExampleRequest();
            using var response = await client.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) != success)
            {
                failures.Add($"{op}: the example request {request.Method} {request.RequestUri} answered {(int)response.StatusCode}, documented {success}: {text}");
                continue;
            }
            if (success == "204")
            {
                if (text.Length > 0)
                {
                    failures.Add($"{op}: 204 with a body: {text}");
                }
                continue;
            }
            var differences = JsonShape.Differences(example, System.Text.Json.JsonDocument.Parse(text).RootElement);
            if (differences.Count > 0)
            {
                failures.Add($"{op}: {string.Join("; ", differences)}\n  answer: {text}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_shape_difference_is_reported()
    {
        using var documented = System.Text.Json.JsonDocument.Parse("""{"rows":[["p1",1.5]],"columns":[{"name":"product"}],"total":1}""");
        using var answered = System.Text.Json.JsonDocument.Parse("""{"rows":[["p1","1.5"]],"columns":[{"name":"category"}],"extra":true}""");

        var differences = JsonShape.Differences(documented.RootElement, answered.RootElement);

        Assert.Equal(["$.rows[0][1]: documented number, answered string", "$.extra: answered but not documented", "$.columns: documented [product], answered [category]"], differences);
    }
}
