namespace FoodFast.Analytics.SampleData.Catalogue;

/// <summary>
/// <c>--products N</c> products built from <see cref="FoodCatalogue"/>: each item once per brand, then
/// organic and family-size variants. Popularity follows a Zipf curve over a shuffled order, so a few
/// products sell a lot and the long tail sells little, as in any grocery shop.
/// </summary>
public sealed class ProductCatalogue
{
    private static readonly (string Suffix, decimal PriceFactor)[] Variants = [("", 1m), (" Bio", 1.35m), (" family pack", 1.8m), (" Bio family pack", 2.3m)];
    private readonly WeightedPicker<Product> picker;
    private readonly Dictionary<string, Product> byId;

    public ProductCatalogue(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var items = FoodCatalogue.Items;
        var products = new List<Product>(count);
        for (var i = 0; i < count; i++)
        {
            var item = items[i % items.Count];
            var round = i / items.Count;
            var brand = item.Brands[round % item.Brands.Count];
            var (suffix, factor) = Variants[round / item.Brands.Count % Variants.Length];
            var generation = round / (item.Brands.Count * Variants.Length);
            var name = item.Name + suffix + (generation > 0 ? $" #{generation + 1}" : "");
            products.Add(new Product($"p-{i + 1:D5}", name, item.Category, brand, Math.Round(item.PriceEur * factor, 2), item.CostShare));
        }
        Products = products;
        byId = products.ToDictionary(p => p.ProductId, StringComparer.Ordinal);

        var ranks = Enumerable.Range(0, count).ToArray();
        random.Shuffle(ranks);
        picker = new WeightedPicker<Product>(products, products.Select((_, i) => 1.0 / Math.Pow(ranks[i] + 1, 0.9)).ToList());
    }

    public IReadOnlyList<Product> Products { get; }

    public Product ById(string productId) => byId[productId];

    public Product PickPopular(Random random) => picker.Pick(random);
}
