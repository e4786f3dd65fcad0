using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Jobs;
using FoodFast.Analytics.Reports.Schedules;
using FoodFast.Analytics.ServiceData.ReportJobs;

namespace FoodFast.Analytics.UnitTests.Reports;

public sealed class ReportParametersTests
{
    [Fact]
    public void Days_are_whole_local_days_ending_at_the_next_midnight_across_a_dst_change()
    {
        var parameters = new ReportParameters { Days = 3, Tz = "Europe/Berlin" };

        // 06:00 on Monday Oct 26 2026 in Berlin (CET, after the change on Sunday Oct 25).
        var (from, to) = parameters.Period(new DateTimeOffset(2026, 10, 26, 5, 0, 0, TimeSpan.Zero), defaultDays: 30);

        Assert.Equal(new DateTimeOffset(2026, 10, 23, 22, 0, 0, TimeSpan.Zero), from.ToUniversalTime()); // Oct 24 00:00 CEST
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 23, 0, 0, TimeSpan.Zero), to.ToUniversalTime());   // Oct 27 00:00 CET
    }

    [Fact]
    public void From_and_to_win_over_days_and_the_kinds_default_applies_without_either()
    {
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddDays(2);
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal((from, to), new ReportParameters { From = from, To = to, Days = 9 }.Period(now, 30));
        Assert.Equal((new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero)),
            new ReportParameters().Period(now, 7));
    }

    [Fact]
    public void Problems_name_each_parameter()
    {
        var from = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(["parameters.tz", "parameters.to", "parameters.days"],
            new ReportParameters { Tz = "Mars/Olympus", From = from, To = from, Days = 0 }.Validate().Select(p => p.Field));
        Assert.Equal(["parameters.to"], new ReportParameters { From = from }.Validate().Select(p => p.Field));
        Assert.Equal(["parameters.to"], new ReportParameters { From = from, To = from.AddDays(QueryLimits.MaxRange.TotalDays + 1) }.Validate().Select(p => p.Field));
        Assert.Empty(new ReportParameters { Days = 7, Tz = "Asia/Tokyo" }.Validate());
    }

    [Fact]
    public void A_custom_report_validates_its_query_against_the_catalogue_under_parameters_query()
    {
        var custom = ReportCatalogue.Find("custom")!;

        var missing = custom.Validate(new ReportParameters());
        var unknown = custom.Validate(new ReportParameters { Query = new AnalyticsQuery { Dataset = "orders", Metrics = ["revenue", "happiness"] } });

        Assert.Equal(["parameters.query"], missing.Select(p => p.Field));
        Assert.Equal(["parameters.query.metrics[1]"], unknown.Select(p => p.Field));
        Assert.Empty(custom.Validate(new ReportParameters { Query = new AnalyticsQuery { Dataset = "events", Metrics = ["event_count"], GroupBy = ["event_type"] } }));
    }

    [Fact]
    public void Every_kind_is_in_the_catalogue_once()
    {
        Assert.Equal(
            ["sales_summary", "daily_sales", "weekly_sales", "monthly_sales", "product_performance", "customer_behavior",
             "raw_orders", "raw_order_items", "raw_events", "custom"],
            ReportCatalogue.Kinds);
        Assert.Equal([1, 7, 30], new[] { "daily_sales", "weekly_sales", "monthly_sales" }.Select(k => ReportCatalogue.Find(k)!.DefaultDays));
        Assert.Null(ReportCatalogue.Find("SALES_SUMMARY"));
    }

    [Fact]
    public void File_names_carry_kind_shop_and_the_local_days_covered()
    {
        var period = new ReportPeriod(new DateTimeOffset(2026, 10, 23, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 26, 23, 0, 0, TimeSpan.Zero), "Europe/Berlin");

        Assert.Equal("weekly_sales_shop-a_2026-10-24_2026-10-26.xlsx", ReportRunner.FileName(new ReportJobRecord { Kind = "weekly_sales", ShopId = "shop-a" }, period, ".xlsx"));
        Assert.Equal("raw_events_all-shops_2026-10-24_2026-10-26.csv", ReportRunner.FileName(new ReportJobRecord { Kind = "raw_events" }, period, ".csv"));
        Assert.Equal("custom_a_b_c_2026-10-24_2026-10-26.csv", ReportRunner.FileName(new ReportJobRecord { Kind = "custom", ShopId = "a/b\"c" }, period, ".csv"));
    }

    [Fact]
    public void A_schedules_run_id_depends_only_on_the_schedule_and_the_firing()
    {
        var schedule = Guid.NewGuid();
        var firing = new DateTimeOffset(2026, 11, 21, 5, 0, 0, TimeSpan.Zero);

        Assert.Equal(ScheduledReportJob.RunId(schedule, firing), ScheduledReportJob.RunId(schedule, firing));
        Assert.NotEqual(ScheduledReportJob.RunId(schedule, firing), ScheduledReportJob.RunId(schedule, firing.AddDays(1)));
        Assert.NotEqual(ScheduledReportJob.RunId(schedule, firing), ScheduledReportJob.RunId(Guid.NewGuid(), firing));
    }
}
