namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// How many orders each shop gets on each day, decided before generating so the progress bar knows the total.
/// Shops share the volume by popularity; older days are thinner (<see cref="Growth"/>); weekdays follow
/// <see cref="Seasonality"/>, with ±15 % noise;
/// the last day is cut at <see cref="GeneratorSettings.Until"/>.
/// </summary>
public sealed record DayPlan(DateOnly Date, int ShopIndex, int Orders, TimeSpan Limit)
{
    public static IReadOnlyList<DayPlan> For(GeneratorSettings settings, IReadOnlyList<Shop> shops)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(shops);
        var random = new Random(unchecked(settings.Seed * 7919 + 17));
        var meanPopularity = shops.Average(s => s.Popularity);
        var plan = new List<DayPlan>(settings.Days * shops.Count);
        for (var day = settings.Days - 1; day >= 0; day--)
        {
            for (var s = 0; s < shops.Count; s++)
            {
                var shop = shops[s];
                var localNow = TimeZoneInfo.ConvertTime(settings.Until, shop.TimeZone);
                var date = DateOnly.FromDateTime(localNow.DateTime).AddDays(-day);
                var limit = day == 0 ? localNow.TimeOfDay : TimeSpan.FromDays(1);
                var mean = settings.OrdersPerDay * shop.Popularity / meanPopularity * Growth.Factor(day) * Seasonality.WeekdayFactor(date.DayOfWeek)
                    * Seasonality.ShareBefore(date.DayOfWeek, limit) * (0.85 + 0.3 * random.NextDouble());
                plan.Add(new DayPlan(date, s, (int)Math.Round(mean), limit));
            }
        }
        return plan;
    }
}
