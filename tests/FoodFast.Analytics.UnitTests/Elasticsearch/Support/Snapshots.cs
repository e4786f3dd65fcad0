using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.UnitTests.Deployment;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>
/// Request snapshots: the body the client's own serializer produced for a request shape, one file per shape in
/// Golden/, compared canonically (<see cref="Golden"/>). <c>REGENERATE_SNAPSHOTS=1 dotnet test --filter
/// FullyQualifiedName~Elasticsearch</c> rewrites the files in the source tree instead; review the diff before committing.
/// </summary>
public static class Snapshots
{
    private static bool Regenerating => Environment.GetEnvironmentVariable("REGENERATE_SNAPSHOTS") == "1";

    public static void Match(string file, string produced)
    {
        var ndjson = file.EndsWith(".ndjson", StringComparison.Ordinal);
        if (Regenerating)
        {
            var text = ndjson ? produced : JsonNode.Parse(produced)!.ToJsonString(Indented) + "\n";
            File.WriteAllText(RepoFile.PathOf(Path.Combine("tests", "FoodFast.Analytics.UnitTests", "Elasticsearch", "Golden", file)), text);
            return;
        }
        if (ndjson)
        {
            Golden.AssertNdjson(file, produced);
        }
        else
        {
            Golden.AssertJson(file, JsonNode.Parse(produced));
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
