namespace FoodFast.Analytics.Elasticsearch.Client;

/// <summary>The node URLs configured, from <c>Urls</c> or decoded from <c>CloudId</c>.</summary>
public static class NodeUrls
{
    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Resolves validated options; each URL ends in '/' so relative paths append to it.</summary>
    public static IReadOnlyList<Uri> From(ElasticsearchOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CloudId))
        {
            return CloudId.TryDecode(options.CloudId, out var cloud, out var error)
                ? [cloud]
                : throw new InvalidOperationException($"{ElasticsearchOptions.Section}:CloudId is invalid: {error}");
        }
        return Split(options.Urls).Select(u => new Uri(u.EndsWith('/') ? u : u + "/", UriKind.Absolute)).ToList();
    }
}
