using FoodFast.Analytics.SampleData.Catalogue;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>What people type into the search box: words of product names, and things no shop here sells (zero results).</summary>
public static class SearchTerms
{
    private static readonly string[] ZeroResult =
    [
        "durian", "kombucha ingwer", "oat mlik", "vegan foie gras", "haggis", "jackfruit burger",
        "glutenfreies baguette", "matcha kitkat", "escargots surgelés", "kimchi", "brioche sans gluten", "hafermlich",
    ];

    /// <summary>A query for <paramref name="product"/>: its first word or two, lower case.</summary>
    public static string For(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var words = product.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var useTwo = words.Length > 1 && char.IsLetter(words[1][0]) && product.ProductId[^1] % 2 == 0;
        return (useTwo ? words[0] + " " + words[1] : words[0]).ToLowerInvariant();
    }

    public static string Unmatched(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return ZeroResult[random.Next(ZeroResult.Length)];
    }
}
