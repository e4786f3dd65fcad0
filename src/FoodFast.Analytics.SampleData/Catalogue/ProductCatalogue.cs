namespace FoodFast.Analytics.SampleData.Catalogue;

/// <summary>
/// <c>--products N</c> products built from <see cref="FoodCatalogue"/>: each item once per brand, then
/// organic and family-size variants. Popularity follows a Zipf curve over a shuffled order, so a few
/// products sell a lot and the long tail sells little (but steadily), as in any grocery shop. Each product's
/// companions are the products of its item's <see cref="Companions"/> in the same round of brands and variants
/// (or the first round).
/// </summary>
public sealed class ProductCatalogue
{
    // Even the least popular product sells a dozen times a quarter in a shop: a product seen in two or three orders
    // only tells nothing about what goes with it, yet would top a bought-together list by lift.
    private const double TailWeight = 0.012;
    private static readonly (string Suffix, decimal PriceFactor)[] Variants = [("", 1m), (" Bio", 1.35m), (" family pack", 1.8m), (" Bio family pack", 2.3m)];
    private readonly WeightedPicker<Product> picker;
    private readonly Dictionary<string, Product> byId;
    private readonly IReadOnlyList<Product>[] companions;

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
        var itemCompanions = Companions.Of(items);
        companions = products.Select((_, i) => (IReadOnlyList<Product>)itemCompanions[i % items.Count]
            .Select(item => i / items.Count * items.Count + item)
            .Select(same => same < count ? same : same % items.Count)
            .Where(index => index < count)
            .Select(index => products[index])
            .ToList()).ToArray();

        var ranks = Enumerable.Range(0, count).ToArray();
        random.Shuffle(ranks);
        picker = new WeightedPicker<Product>(products, products.Select((_, i) => 1.0 / Math.Pow(ranks[i] + 1, 0.9) + TailWeight).ToList());
    }

    public IReadOnlyList<Product> Products { get; }

    public Product ById(string productId) => byId[productId];

    /// <summary>The products that often go into the same basket as <paramref name="product"/>.</summary>
    public IReadOnlyList<Product> CompanionsOf(Product product) => companions[IndexOf(product.ProductId)];

    // Product ids are "p-00001" for the first product of the catalogue.
    public static int IndexOf(string productId) => int.Parse(productId.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture) - 1;

    public Product PickPopular(Random random) => picker.Pick(random);
}
