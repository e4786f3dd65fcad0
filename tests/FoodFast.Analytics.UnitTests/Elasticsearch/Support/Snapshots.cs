using System.Text.Json.Nodes;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>A request body as text (JSON, or NDJSON for <c>.ndjson</c> files) against its file in Golden/, regenerable as <see cref="Golden"/> says.</summary>
public static class Snapshots
{
    public static void Match(string file, string produced)
    {
        if (file.EndsWith(".ndjson", StringComparison.Ordinal))
        {
            Golden.AssertNdjson(file, produced);
        }
        else
        {
            Golden.AssertJson(file, JsonNode.Parse(produced));
        }
    }
}
