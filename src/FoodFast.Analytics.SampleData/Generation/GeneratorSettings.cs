namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// What to generate. The defaults make three shops' 13 months of orders (thinner the older they are, see
/// <see cref="Growth"/>) and the latest month's activity events: about a minute and a half to ingest.
/// </summary>
public sealed record GeneratorSettings
{
    /// <summary>Number of shops, 1 to 5 (DE, FR, UK, AT, NL, in that order).</summary>
    public int Shops { get; init; } = 3;

    /// <summary>At most this many customers across all shops; they return with a probability that decays over time.</summary>
    public int Customers { get; init; } = 10_000;

    /// <summary>Products in the catalogue every shop sells.</summary>
    public int Products { get; init; } = 300;

    /// <summary>Days of history, ending at <see cref="Until"/>: 13 months, enough for year-over-year and cohorts.</summary>
    public int Days { get; init; } = 395;

    /// <summary>Average orders per shop per day now (busier shops and days get more, older days fewer: <see cref="Growth"/>).</summary>
    public int OrdersPerDay { get; init; } = 25;

    /// <summary>Average activity events per order: the purchase visit, then browsing visits up to this many. 0: orders only.</summary>
    public int EventsPerOrder { get; init; } = 60;

    /// <summary>
    /// Days, ending at <see cref="Until"/>, whose orders come with activity events; older orders come alone, as they would
    /// once the service's event retention (90 days by default) has deleted their visits.
    /// </summary>
    public int EventDays { get; init; } = 30;

    /// <summary>Seed of every random choice: the same seed and <see cref="Until"/> give byte-identical output.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>End of the generated period ("now"); nothing generated is later than it.</summary>
    public DateTimeOffset Until { get; init; }
}
