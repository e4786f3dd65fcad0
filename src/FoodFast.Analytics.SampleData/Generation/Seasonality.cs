namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// When people order food, in the shop's local time: busier Fridays and Saturdays, a quiet Sunday;
/// on weekdays a lunch peak (11-13) and a bigger dinner peak (17-20); on weekends a late-morning
/// brunch peak and the dinner peak, little at night.
/// </summary>
public static class Seasonality
{
    // Monday first, normalised so that a week averages 1.0.
    private static readonly double[] WeekdayShape = Normalise([0.95, 0.90, 0.95, 1.00, 1.15, 1.20, 0.85]);

    private static readonly double[] WeekdayHours =
        [0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 3.0, 3.2, 3.8, 6.5, 8.0, 6.0, 3.5, 3.2, 4.0, 7.0, 9.5, 9.0, 6.5, 4.0, 2.2, 0.8];

    private static readonly double[] WeekendHours =
        [0.5, 0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1.2, 3.0, 5.5, 7.5, 8.0, 6.5, 4.5, 3.5, 3.5, 4.5, 6.5, 8.5, 8.5, 6.5, 4.5, 2.8, 1.2];

    public static double WeekdayFactor(DayOfWeek day) => WeekdayShape[((int)day + 6) % 7];

    public static IReadOnlyList<double> HourWeights(DayOfWeek day) =>
        day is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekendHours : WeekdayHours;

    /// <summary>Share of a day's orders placed before <paramref name="timeOfDay"/> (for the partial last day).</summary>
    public static double ShareBefore(DayOfWeek day, TimeSpan timeOfDay)
    {
        var hours = HourWeights(day);
        var whole = (int)timeOfDay.TotalHours;
        var before = hours.Take(whole).Sum() + (whole < 24 ? hours[whole] * (timeOfDay.TotalHours - whole) : 0);
        return before / hours.Sum();
    }

    /// <summary>A local time of day on <paramref name="day"/>, following the hour shape, strictly before <paramref name="limit"/>.</summary>
    public static TimeSpan SampleTimeOfDay(DayOfWeek day, TimeSpan limit, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var hours = HourWeights(day);
        var limitHours = Math.Min(24.0, limit.TotalHours);
        var total = 0.0;
        for (var h = 0; h < 24 && h < limitHours; h++)
        {
            total += hours[h] * Math.Min(1.0, limitHours - h);
        }
        var target = random.NextDouble() * total;
        for (var h = 0; h < 24 && h < limitHours; h++)
        {
            var span = Math.Min(1.0, limitHours - h);
            var weight = hours[h] * span;
            if (target < weight || h + 1 >= limitHours)
            {
                var offset = Math.Min(span, target / hours[h]);
                return TimeSpan.FromSeconds(Math.Floor((h + offset) * 3600.0));
            }
            target -= weight;
        }
        return TimeSpan.Zero;
    }

    private static double[] Normalise(double[] values)
    {
        var mean = values.Average();
        return values.Select(v => v / mean).ToArray();
    }
}
