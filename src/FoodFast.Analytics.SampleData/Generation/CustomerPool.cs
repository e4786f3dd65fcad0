namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>A customer as one order sees them: who, whether this is their first order, and where they live.</summary>
public sealed record Customer(string CustomerId, bool IsNew, City City, double Lat, double Lon);

/// <summary>
/// The customers of one shop. A returning customer is drawn at random and comes back with a probability
/// that is small within days of their last order (they have food left), then fades as weeks pass (churn).
/// How fast depends on the customer's habit, fixed by their number: a regular core shops every week or two
/// for months (the champions and loyal of RFM), occasional customers every month or so and drift away
/// (at risk, then lost), and most try the shop once or twice. Memory is one array of the pool size,
/// whatever the number of orders.
/// </summary>
public sealed class CustomerPool
{
    // Share of customers, days until they need more, half-life of their return chance, and how eager they are.
    private static readonly (int Percent, double RestockDays, double HalfLifeDays, double Eagerness)[] Habits =
        [(12, 6, 90, 1.0), (28, 20, 45, 0.7), (60, 10, 20, 0.12)];
    private readonly string prefix;
    private readonly int firstNumber;
    private readonly IReadOnlyList<City> cities;
    private readonly DateTimeOffset[] lastOrder;
    private int active;

    public CustomerPool(string prefix, int firstNumber, int size, IReadOnlyList<City> cities)
    {
        this.prefix = prefix;
        this.firstNumber = firstNumber;
        this.cities = cities;
        lastOrder = new DateTimeOffset[Math.Max(1, size)];
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
                var (_, restock, halfLife, eagerness) = HabitOf(firstNumber + index);
                var chance = eagerness * Math.Min(1, days / restock) * Math.Pow(0.5, days / halfLife);
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

    private static (int Percent, double RestockDays, double HalfLifeDays, double Eagerness) HabitOf(int number)
    {
        var percentile = (int)(((uint)(number * 2654435761L) >> 16) % 100);
        foreach (var habit in Habits)
        {
            if ((percentile -= habit.Percent) < 0)
            {
                return habit;
            }
        }
        return Habits[^1];
    }

    private Customer Visit(int index, DateTimeOffset at, bool isNew)
    {
        lastOrder[index] = at;
        var number = firstNumber + index;
        // The first city (the biggest) gets three shares; a fixed scatter of up to 0.05° around the centre.
        var slot = number % (cities.Count + 2);
        var city = cities[slot < cities.Count ? slot : 0];
        var scatter = (number * 2654435761L % 1000) / 1000.0 * 0.1 - 0.05;
        var scatter2 = (number * 40503L % 1000) / 1000.0 * 0.1 - 0.05;
        return new Customer($"{prefix}{number:D6}", isNew, city, Math.Round(city.Lat + scatter, 4), Math.Round(city.Lon + scatter2, 4));
    }
}
