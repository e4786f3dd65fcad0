namespace FoodFast.Analytics.SampleData.Catalogue;

/// <summary>A product of the marketplace catalogue; every shop sells it, priced in its own currency.</summary>
public sealed record Product(string ProductId, string Name, string Category, string Brand, decimal PriceEur, decimal CostShare)
{
    /// <summary>Shelf price in a shop's currency: converted, then set to a price ending in 9 as shops do.</summary>
    public decimal PriceIn(decimal priceFactor) =>
        priceFactor == 1m ? PriceEur : Math.Max(0.49m, Math.Round(PriceEur * priceFactor, 1, MidpointRounding.AwayFromZero) - 0.01m);

    public static decimal CostOf(decimal price, decimal costShare) => Math.Round(price * costShare, 2, MidpointRounding.AwayFromZero);
}
