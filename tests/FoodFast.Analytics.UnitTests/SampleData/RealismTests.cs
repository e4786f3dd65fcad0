using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.SampleData.Generation;

namespace FoodFast.Analytics.UnitTests.SampleData;

/// <summary>
/// The default sample (what <c>start.sh --sample</c> loads) has the shapes a real shop's data has, so every
/// endpoint shows something worth reading: funnel drop-offs, a year of history, repeat customers, real pairs.
/// </summary>
public sealed class RealismTests(DefaultSampleFixture fixture) : IClassFixture<DefaultSampleFixture>
{
    private static readonly DateTimeOffset Until = DefaultSampleFixture.Until;

    [Fact]
    public void Product_views_turn_into_carts_at_a_realistic_rate_overall_and_for_the_most_viewed_product()
    {
        var views = fixture.Events.Where(e => e.Type == ActivityType.ProductView).CountBy(e => e.ProductId!).ToDictionary();
        var carts = fixture.Events.Where(e => e.Type == ActivityType.AddToCart).CountBy(e => e.ProductId!).ToDictionary();
        var top = views.MaxBy(v => v.Value).Key;

        Assert.InRange(carts.Values.Sum() / (double)views.Values.Sum(), 0.10, 0.30);
        Assert.InRange(carts[top] / (double)views[top], 0.08, 0.30);
    }

    [Fact]
    public void Sessions_drop_off_at_every_step_and_few_of_them_buy()
    {
        var sessions = fixture.Events.Where(e => e.SessionId is not null).GroupBy(e => e.SessionId!).Select(s => s.Select(e => e.Type).ToHashSet()).ToList();
        int Reached(ActivityType step) => sessions.Count(s => s.Contains(step));
        var (visits, viewed, carted, checkedOut, bought) = (sessions.Count, Reached(ActivityType.ProductView), Reached(ActivityType.AddToCart),
            Reached(ActivityType.CheckoutStart), Reached(ActivityType.Purchase));

        Assert.InRange(viewed / (double)visits, 0.35, 0.75);
        Assert.InRange(carted / (double)viewed, 0.15, 0.45);
        Assert.InRange(checkedOut / (double)carted, 0.40, 0.80);
        Assert.InRange(bought / (double)checkedOut, 0.55, 0.90);
        Assert.InRange(bought / (double)visits, 0.03, 0.10);
    }

    [Fact]
    public void Orders_span_13_months_and_older_months_are_thinner()
    {
        var byMonth = fixture.Created.CountBy(o => o.CreatedAt.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToDictionary();

        Assert.True(fixture.Created.Min(o => o.CreatedAt) <= Until.AddDays(-390), "less than 13 months of history");
        Assert.Equal(14, byMonth.Count); // two partial months at the ends, 12 whole ones between
        Assert.InRange(byMonth["2025-11"] / (double)byMonth["2026-10"], 0.15, 0.5);
        // Each whole quarter (from November 2025) busier than the one before.
        int Quarter(int first) => Enumerable.Range(first, 3).Sum(m => byMonth[new DateOnly(2025, 11, 1).AddMonths(m).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(Quarter(0) < Quarter(3) && Quarter(3) < Quarter(6) && Quarter(6) < Quarter(9), "volume should grow quarter by quarter");
    }

    [Fact]
    public void Activity_events_cover_the_latest_month_and_the_whole_sample_stays_quick_to_load()
    {
        Assert.True(fixture.Events.Min(e => e.OccurredAt) >= Until.AddDays(-31), "events older than the event window");
        Assert.True(fixture.Events.Max(e => e.OccurredAt) <= Until);
        // The former default (one month, 111,023 items) loaded in about a minute; this stays under twice that.
        Assert.InRange(fixture.Versions + fixture.Events.Count, 150_000, 222_000);
    }

    [Fact]
    public void Every_rfm_segment_has_customers_in_every_shop()
    {
        // The segments as the service defines them (Core's SegmentQuery), as of the end, from 365 days of orders.
        foreach (var shop in fixture.Created.GroupBy(o => o.ShopId))
        {
            var segments = shop.GroupBy(o => o.CustomerId).Select(customer =>
            {
                var first = customer.Min(o => o.CreatedAt);
                var recent = customer.Where(o => o.CreatedAt >= Until.AddDays(-365)).ToList();
                var last = recent.Count == 0 ? (DateTimeOffset?)null : recent.Max(o => o.CreatedAt);
                return last switch
                {
                    null => "outside",
                    _ when last < Until.AddDays(-180) => "lost",
                    _ when last < Until.AddDays(-60) => "at_risk",
                    _ when first >= Until.AddDays(-30) => "new",
                    _ when recent.Count >= 5 && last >= Until.AddDays(-30) => "champions",
                    _ => "loyal",
                };
            }).Where(s => s != "outside").CountBy(s => s).ToDictionary();
            var customers = segments.Values.Sum();

            Assert.All(new[] { "champions", "loyal", "new", "at_risk", "lost" }, name =>
                Assert.True(segments.GetValueOrDefault(name) >= customers / 40, $"{shop.Key}: {name} has {segments.GetValueOrDefault(name)} of {customers}"));
        }
    }

    [Fact]
    public void Customers_come_back_over_months_and_monthly_cohorts_keep_some_of_them()
    {
        foreach (var shop in fixture.Created.GroupBy(o => o.ShopId))
        {
            var customers = shop.GroupBy(o => o.CustomerId!).ToList();
            var months = customers.ToDictionary(c => c.Key, c => c.Select(o => MonthIndex(o.CreatedAt)).ToHashSet());
            var cohortOf = customers.ToDictionary(c => c.Key, c => MonthIndex(c.Min(o => o.CreatedAt)));

            Assert.True(customers.Count(c => c.Count() >= 3) >= customers.Count / 10, $"{shop.Key}: few customers with 3 orders or more");
            Assert.Contains(customers, c => c.Count() >= 3 && c.Max(o => o.CreatedAt) < Until.AddDays(-90));
            // Every monthly cohort from a year to seven months ago has customers ordering again one, three and six months later.
            for (var cohort = MonthIndex(Until) - 12; cohort <= MonthIndex(Until) - 7; cohort++)
            {
                foreach (var later in new[] { 1, 3, 6 })
                {
                    Assert.Contains(cohortOf, c => c.Value == cohort && months[c.Key].Contains(cohort + later));
                }
            }
        }
    }

    [Fact]
    public void The_best_companion_of_each_shops_best_seller_rests_on_tens_of_orders()
    {
        // As the bought-together endpoint answers by default: the last 90 days, cancelled orders left out, pairs in 2 orders or more, by lift.
        foreach (var shop in fixture.Orders.Where(o => o.CreatedAt >= Until.AddDays(-90) && o.Status != OrderStatus.Cancelled).GroupBy(o => o.ShopId))
        {
            var baskets = shop.Select(o => o.Items.Select(i => i.ProductId).ToHashSet()).ToList();
            var ordersWith = baskets.SelectMany(b => b).CountBy(p => p).ToDictionary();
            var bestSeller = ordersWith.MaxBy(p => p.Value).Key;
            var candidates = baskets.Where(b => b.Contains(bestSeller)).SelectMany(b => b).Where(p => p != bestSeller).CountBy(p => p)
                .Where(p => p.Value >= 2).Select(p => new PairCount(p.Key, null, null, p.Value, ordersWith[p.Key])).ToList();

            var best = BoughtTogether.Score(new PairCounts(baskets.Count, ordersWith[bestSeller], candidates), 1)[0];

            Assert.True(best.Orders >= 20, $"{shop.Key}: {bestSeller} and {best.ProductId} share only {best.Orders} orders");
            Assert.True(best.Lift >= 1.5m, $"{shop.Key}: lift {best.Lift}");
        }
    }

    private static int MonthIndex(DateTimeOffset at) => at.Year * 12 + at.Month - 1;
}

/// <summary>The default settings' data, generated once in memory: the latest version of every order, and every event.</summary>
public sealed class DefaultSampleFixture
{
    public static readonly DateTimeOffset Until = new(2026, 11, 20, 18, 30, 0, TimeSpan.Zero);

    public DefaultSampleFixture()
    {
        var latest = new Dictionary<(string, string), Order>();
        var created = new List<Order>();
        foreach (var item in new SampleDataGenerator(new GeneratorSettings { Until = Until }).Generate())
        {
            if (item.Order is { } order)
            {
                Versions++;
                latest[(order.ShopId, order.OrderId)] = order;
                if (order.Status == OrderStatus.Created)
                {
                    created.Add(order);
                }
            }
            else
            {
                Events.Add(item.Event!);
            }
        }
        Orders = latest.Values.ToList();
        Created = created;
    }

    public List<Order> Orders { get; }
    public List<Order> Created { get; }
    public List<ActivityEvent> Events { get; } = [];
    public int Versions { get; }
}
