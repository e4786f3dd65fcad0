namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>What to generate. The defaults make three shops' month of data that ingests in about a minute.</summary>
public sealed record GeneratorSettings
{
    /// <summary>Number of shops, 1 to 5 (DE, FR, UK, AT, NL, in that order).</summary>
    public int Shops { get; init; } = 3;

    /// <summary>Customers across all shops; they return with a probability that decays over time.</summary>
    public int Customers { get; init; } = 3000;

    /// <summary>Products in the catalogue every shop sells.</summary>
    public int Products { get; init; } = 300;

    /// <summary>Days of history, ending at <see cref="Until"/>.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Average orders per shop per day (busier shops and days get more).</summary>
    public int OrdersPerDay { get; init; } = 50;

    /// <summary>Average activity events per order: the purchase visit, then browsing visits up to this many. 0: orders only.</summary>
    public int EventsPerOrder { get; init; } = 20;

    /// <summary>Seed of every random choice: the same seed and <see cref="Until"/> give byte-identical output.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>End of the generated period ("now"); nothing generated is later than it.</summary>
    public DateTimeOffset Until { get; init; }
}
