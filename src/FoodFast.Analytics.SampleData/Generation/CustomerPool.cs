namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>A customer as one order sees them: who, whether this is their first order, and where they live.</summary>
public sealed record Customer(string CustomerId, bool IsNew, City City, double Lat, double Lon);

/// <summary>
/// The customers of one shop. A returning customer is drawn at random and comes back with a probability
/// that is small within days of their last order (a weekly shop), fades as weeks pass (churn), and
/// shrinks with every order they have placed (0.8 per order): many one-off buyers, a thinning loyal core.
/// Memory is two arrays of the pool size, whatever the number of orders.
/// </summary>
public sealed class CustomerPool
{
    private const double ReturnHalfLifeDays = 21;
    private const double DaysToRestock = 4;
    private const double PerOrderDecay = 0.8;
    private readonly string prefix;
    private readonly int firstNumber;
    private readonly IReadOnlyList<City> cities;
    private readonly DateTimeOffset[] lastOrder;
    private readonly int[] orders;
    private int active;

    public CustomerPool(string prefix, int firstNumber, int size, IReadOnlyList<City> cities)
    {
        this.prefix = prefix;
        this.firstNumber = firstNumber;
        this.cities = cities;
        lastOrder = new DateTimeOffset[Math.Max(1, size)];
        orders = new int[lastOrder.Length];
    }

    public Customer Next(DateTimeOffset at, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var wantsNew = active == 0 || (active < lastOrder.Length && random.NextDouble() < 0.3);
        if (!wantsNew)
        {
            const int attempts = 8;
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                var index = random.Next(active);
                var days = (at - lastOrder[index]).TotalDays;
                var chance = Math.Min(1, days / DaysToRestock) * Math.Pow(0.5, days / ReturnHalfLifeDays) * Math.Pow(PerOrderDecay, orders[index] - 1);
                if (random.NextDouble() < chance || (active == lastOrder.Length && attempt == attempts))
                {
                    return Visit(index, at, isNew: false);
                }
            }
        }
        return active < lastOrder.Length ? Visit(active++, at, isNew: true) : Visit(random.Next(active), at, isNew: false);
    }

    /// <summary>Someone who has ordered before (a logged-in browser), or null when nobody has yet.</summary>
    public string? AnyKnown(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return active == 0 ? null : $"{prefix}{firstNumber + random.Next(active):D6}";
    }

    private Customer Visit(int index, DateTimeOffset at, bool isNew)
    {
        lastOrder[index] = at;
        orders[index]++;
        var number = firstNumber + index;
        // The first city (the biggest) gets three shares; a fixed scatter of up to 0.05° around the centre.
        var slot = number % (cities.Count + 2);
        var city = cities[slot < cities.Count ? slot : 0];
        var scatter = (number * 2654435761L % 1000) / 1000.0 * 0.1 - 0.05;
        var scatter2 = (number * 40503L % 1000) / 1000.0 * 0.1 - 0.05;
        return new Customer($"{prefix}{number:D6}", isNew, city, Math.Round(city.Lat + scatter, 4), Math.Round(city.Lon + scatter2, 4));
    }
}
