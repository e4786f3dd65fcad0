using FoodFast.Analytics.SampleData.Catalogue;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// Streams FoodFast sample data day by day, shop by shop, orders in time order within a day. Nothing is
/// kept per order once it is yielded, so memory stays flat for millions of orders; enumerating twice
/// gives the same items (every choice comes from one generator seeded with <see cref="GeneratorSettings.Seed"/>).
/// </summary>
public sealed class SampleDataGenerator
{
    private readonly GeneratorSettings settings;
    private readonly IReadOnlyList<DayPlan> plan;

    public SampleDataGenerator(GeneratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        ShopList = Shops.All.Take(settings.Shops).ToList();
        plan = DayPlan.For(settings, ShopList);
        PlannedOrders = plan.Sum(p => (long)p.Orders);
        var firstEventDay = DateOnly.FromDateTime(settings.Until.UtcDateTime).AddDays(-settings.EventDays);
        PlannedEvents = plan.Where(p => p.Date >= firstEventDay).Sum(p => (long)p.Orders) * settings.EventsPerOrder;
    }

    public IReadOnlyList<Shop> ShopList { get; }

    /// <summary>Orders <see cref="Generate"/> will create (each yields one or more versions).</summary>
    public long PlannedOrders { get; }

    /// <summary>About how many events <see cref="Generate"/> will yield: events per order is an average.</summary>
    public long PlannedEvents { get; }

    public IEnumerable<GeneratedItem> Generate()
    {
        var random = new Random(settings.Seed);
        var catalogue = new ProductCatalogue(settings.Products, random);
        var states = new ShopState[ShopList.Count];
        var firstCustomer = 1;
        var popularity = ShopList.Sum(s => s.Popularity);
        for (var i = 0; i < states.Length; i++)
        {
            var shop = ShopList[i];
            var poolSize = Math.Max(1, (int)(settings.Customers * shop.Popularity / popularity));
            states[i] = new ShopState(shop, new CustomerPool("c-", firstCustomer, poolSize, shop.Cities), new Inventory(shop, settings.Products, random));
            firstCustomer += poolSize;
        }
        var story = new OrderStory(settings, catalogue, random);
        foreach (var day in plan)
        {
            var state = states[day.ShopIndex];
            var times = new TimeSpan[day.Orders];
            for (var i = 0; i < times.Length; i++)
            {
                times[i] = Seasonality.SampleTimeOfDay(day.Date.DayOfWeek, day.Limit, random);
            }
            Array.Sort(times);
            foreach (var time in times)
            {
                foreach (var item in story.Tell(state, ToUtc(day.Date, time, state.Shop.TimeZone)))
                {
                    yield return item;
                }
            }
        }
    }

    private DateTimeOffset ToUtc(DateOnly date, TimeSpan timeOfDay, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1); // the hour skipped when clocks go forward
        }
        var utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        return utc < settings.Until ? utc : settings.Until.AddSeconds(-1);
    }
}
