namespace FoodFast.Analytics.Elasticsearch.Health;

/// <summary>What an operator needs to see of the cluster and of our objects in it.</summary>
public sealed record ElasticsearchStatus(
    string ClusterName, string Version, string Flavor, string Status, int NumberOfNodes,
    IReadOnlyList<TemplateState> Templates, IReadOnlyList<TargetState> Targets);

/// <param name="Kind">component_template or index_template.</param>
/// <param name="Installed">The version in the cluster; null when the template is missing.</param>
/// <param name="Current">Installed at least at the version this service expects.</param>
public sealed record TemplateState(string Kind, string Name, int? Installed, int Expected, bool Current);

/// <param name="Kind">alias or data_stream.</param>
/// <param name="Indices">The concrete indices behind it (backing indices for the data stream).</param>
/// <param name="Health">The data stream's health (green/yellow/red); null for aliases.</param>
public sealed record TargetState(string Kind, string Name, bool Exists, IReadOnlyList<string> Indices, string? Health);
