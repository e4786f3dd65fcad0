namespace FoodFast.Analytics.SampleData.Catalogue;

/// <summary>Picks items in proportion to their weights: a cumulative table and a binary search, O(log n) a pick.</summary>
public sealed class WeightedPicker<T>
{
    private readonly IReadOnlyList<T> items;
    private readonly double[] cumulative;

    public WeightedPicker(IReadOnlyList<T> items, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(weights);
        if (items.Count == 0 || items.Count != weights.Count)
        {
            throw new ArgumentException("items and weights must be non-empty and of the same length", nameof(weights));
        }
        this.items = items;
        cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    public T Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index;
        return items[Math.Min(index, items.Count - 1)];
    }
}
