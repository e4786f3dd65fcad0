using YamlDotNet.RepresentationModel;

namespace FoodFast.Analytics.UnitTests.Deployment;

/// <summary>docker-compose.yml parsed with YamlDotNet, with typed access to what the tests look at.</summary>
public sealed class ComposeFile
{
    private ComposeFile(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, YamlMappingNode> Services =>
        ((YamlMappingNode)Root["services"]).Children.ToDictionary(kv => Scalar(kv.Key), kv => (YamlMappingNode)kv.Value, StringComparer.Ordinal);

    public static ComposeFile Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new ComposeFile((YamlMappingNode)stream.Documents.Single().RootNode);
    }

    public static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static IReadOnlyList<string> Strings(YamlNode? node) => node switch
    {
        null => [],
        YamlSequenceNode sequence => sequence.Children.Select(Scalar).ToList(),
        _ => [Scalar(node)],
    };

    /// <summary>A mapping of scalars (an environment block), key → value.</summary>
    public static Dictionary<string, string> Map(YamlNode node) =>
        ((YamlMappingNode)node).Children.ToDictionary(kv => Scalar(kv.Key), kv => Scalar(kv.Value), StringComparer.Ordinal);

    /// <summary>depends_on in its long form: dependency → (condition, required).</summary>
    public static IReadOnlyDictionary<string, (string Condition, bool Required)> DependsOn(YamlMappingNode service) =>
        Child(service, "depends_on") is YamlMappingNode deps
            ? deps.Children.ToDictionary(
                kv => Scalar(kv.Key),
                kv => (Scalar(((YamlMappingNode)kv.Value)["condition"]), Child((YamlMappingNode)kv.Value, "required") is not { } r || Scalar(r) != "false"),
                StringComparer.Ordinal)
            : new Dictionary<string, (string, bool)>();
}
