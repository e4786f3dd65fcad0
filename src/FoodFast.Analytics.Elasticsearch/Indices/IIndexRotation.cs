namespace FoodFast.Analytics.Elasticsearch.Indices;

/// <summary>Where a document of one dataset is written, and what a reader searches.</summary>
public interface IIndexRotation
{
    /// <summary>The index or data stream a document stamped with <paramref name="time"/> goes to.</summary>
    string WriteTarget(DateTimeOffset time);

    /// <summary>The alias or data stream that reads every document of the dataset.</summary>
    string ReadAlias { get; }

    /// <summary>The concrete targets holding documents stamped in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    IReadOnlyList<string> ReadTargets(DateTimeOffset from, DateTimeOffset to);
}
