using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.UnitTests.Deployment;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>
/// Compares produced JSON with the files in Golden/ canonically: both are parsed and compared with
/// <see cref="JsonNode.DeepEquals"/>, so key order and whitespace do not matter but every name and value does.
/// <c>REGENERATE_SNAPSHOTS=1 dotnet test tests/FoodFast.Analytics.UnitTests --filter FullyQualifiedName~Elasticsearch</c>
/// rewrites every file in the source tree from what the code produces instead; review the diff before committing.
/// </summary>
public static class Golden
{
    // Readable files: umlauts and quotes as themselves, not \u escapes (the files are never embedded in HTML).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static bool Regenerating => Environment.GetEnvironmentVariable("REGENERATE_SNAPSHOTS") == "1";

    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Elasticsearch", "Golden", file));

    public static void AssertJson(string file, JsonNode? actual)
    {
        if (Regenerating)
        {
            Write(file, actual!.ToJsonString(Indented) + "\n");
            return;
        }
        var expected = JsonNode.Parse(Read(file));
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{file} differs.\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }

    /// <summary>NDJSON: the same number of lines, each line equal canonically.</summary>
    public static void AssertNdjson(string file, string actual)
    {
        if (Regenerating)
        {
            Write(file, actual);
            return;
        }
        var expected = Lines(Read(file));
        var produced = Lines(actual);
        Assert.Equal(expected.Count, produced.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected[i]), JsonNode.Parse(produced[i])),
                $"{file} line {i + 1} differs.\nexpected: {expected[i]}\nactual:   {produced[i]}");
        }
    }

    private static void Write(string file, string text) =>
        File.WriteAllText(RepoFile.PathOf(Path.Combine("tests", "FoodFast.Analytics.UnitTests", "Elasticsearch", "Golden", file)), text);

    private static List<string> Lines(string ndjson) => ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
}
