using System.Globalization;

namespace FoodFast.Analytics.Elasticsearch.Indices;

/// <summary>
/// One index per UTC month, <c>&lt;name&gt;-yyyy.MM</c>, read through the alias <c>&lt;name&gt;</c>. Orders are placed by their
/// creation month, which never changes, so every later version of an order lands in the same index.
/// </summary>
public sealed class MonthlyRotation(string name) : IIndexRotation
{
    public string ReadAlias => name;

    /// <summary>The pattern every monthly index of this dataset matches.</summary>
    public string Pattern => name + "-*";

    public string WriteTarget(DateTimeOffset time) => $"{name}-{time.UtcDateTime.ToString("yyyy.MM", CultureInfo.InvariantCulture)}";

    public IReadOnlyList<string> ReadTargets(DateTimeOffset from, DateTimeOffset to)
    {
        var targets = new List<string>();
        var month = new DateTimeOffset(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (; month < to; month = month.AddMonths(1))
        {
            targets.Add(WriteTarget(month));
        }
        return targets;
    }
}
