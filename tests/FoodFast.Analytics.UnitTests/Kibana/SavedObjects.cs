using System.Text.Json.Nodes;
using FoodFast.Analytics.UnitTests.Deployment;

namespace FoodFast.Analytics.UnitTests.Kibana;

/// <summary>One reference of a saved object: the target's type and id, under a name the owner uses for it.</summary>
public sealed record SavedObjectReference(string Type, string Id, string Name);

/// <summary>One line of a kibana/*.ndjson file, with the file and line it came from for messages.</summary>
public sealed record SavedObject(string File, int Line, JsonObject Json)
{
    public string Type => (string)Json["type"]!;

    public string Id => (string)Json["id"]!;

    public JsonObject Attributes => Json["attributes"]!.AsObject();

    public IReadOnlyList<SavedObjectReference> References => Json["references"]!.AsArray()
        .Select(r => new SavedObjectReference((string)r!["type"]!, (string)r["id"]!, (string)r["name"]!))
        .ToList();

    public override string ToString() => $"{Type} {Id} ({File}:{Line})";

    /// <summary>An attribute Kibana stores as JSON inside a string (panelsJSON, optionsJSON, ...), parsed.</summary>
    public JsonNode? StringifiedAttribute(string name) => JsonNode.Parse((string)Attributes[name]!);
}

/// <summary>Every saved object in the repository's kibana/ folder, as the import script sends them.</summary>
public static class SavedObjects
{
    public static string Folder { get; } = RepoFile.PathOf("kibana");

    public static IReadOnlyList<SavedObject> All { get; } = Load();

    public static SavedObject Get(string type, string id) => All.Single(o => o.Type == type && o.Id == id);

    public static IEnumerable<SavedObject> OfType(string type) => All.Where(o => o.Type == type);

    private static List<SavedObject> Load()
    {
        var objects = new List<SavedObject>();
        foreach (var path in Directory.GetFiles(Folder, "*.ndjson").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > 0)
                {
                    objects.Add(new SavedObject(Path.GetFileName(path), i + 1, JsonNode.Parse(lines[i])!.AsObject()));
                }
            }
        }
        return objects;
    }
}
