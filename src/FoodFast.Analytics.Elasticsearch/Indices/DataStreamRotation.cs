namespace FoodFast.Analytics.Elasticsearch.Indices;

/// <summary>A data stream: ES picks the backing index (ILM rolls it over), documents are written with <c>create</c> only.</summary>
public sealed class DataStreamRotation(string name) : IIndexRotation
{
    public string ReadAlias => name;

    public string WriteTarget(DateTimeOffset time) => name;

    public IReadOnlyList<string> ReadTargets(DateTimeOffset from, DateTimeOffset to) => [name];
}
