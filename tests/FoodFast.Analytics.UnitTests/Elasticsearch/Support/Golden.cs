using System.Text.Json.Nodes;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>
/// Compares produced JSON with the hand-written files in Golden/ canonically: both are parsed and compared with
/// <see cref="JsonNode.DeepEquals"/>, so key order and whitespace do not matter but every name and value does.
/// </summary>
public static class Golden
{
    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Elasticsearch", "Golden", file));

    public static void AssertJson(string file, JsonNode? actual)
    {
        var expected = JsonNode.Parse(Read(file));
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{file} differs.\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }

    /// <summary>NDJSON: the same number of lines, each line equal canonically.</summary>
    public static void AssertNdjson(string file, string actual)
    {
        var expected = Lines(Read(file));
        var produced = Lines(actual);
        Assert.Equal(expected.Count, produced.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected[i]), JsonNode.Parse(produced[i])),
                $"{file} line {i + 1} differs.\nexpected: {expected[i]}\nactual:   {produced[i]}");
        }
    }

    private static List<string> Lines(string ndjson) => ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
}
