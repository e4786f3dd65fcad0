using FoodFast.Analytics.SampleData.Generation;
using FoodFast.Analytics.SampleData.Output;
using Spectre.Console;

namespace FoodFast.Analytics.SampleData.Cli;

/// <summary>Progress bars while a run goes, and the summary table and rejected items after it.</summary>
public static class ConsoleReport
{
    public static Task<RunStatistics> WithProgressAsync(
        IAnsiConsole console, SampleDataGenerator generator, Func<Action<RunStatistics>, Task<RunStatistics>> run)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(run);
        if (!console.Profile.Capabilities.Interactive)
        {
            return PlainProgress.RunAsync(console, generator, run, PlainProgress.Interval);
        }
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ItemRateColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var orders = context.AddTask("orders", maxValue: Math.Max(1, generator.PlannedOrders));
                // Events per order is an average: the bar's end is an estimate, fixed once the run is over.
                var events = context.AddTask("events", maxValue: Math.Max(1, generator.PlannedEvents));
                var statistics = await run(s =>
                {
                    orders.Value = s.Orders;
                    events.Value = Math.Min(s.Events, events.MaxValue);
                });
                orders.Value = orders.MaxValue;
                events.MaxValue = Math.Max(1, statistics.Events);
                events.Value = events.MaxValue;
                return statistics;
            });
    }

    public static void Summary(IAnsiConsole console, RunStatistics statistics, TimeSpan elapsed, string destination)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(statistics);
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Sample data[/] → {Markup.Escape(destination)}");
        table.AddColumn("shop").AddColumn(new TableColumn("orders").RightAligned()).AddColumn(new TableColumn("order versions").RightAligned())
            .AddColumn(new TableColumn("events").RightAligned()).AddColumn(new TableColumn("revenue").RightAligned());
        foreach (var (shop, figures) in statistics.Shops.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            table.AddRow(shop, $"{figures.Orders:N0}", $"{figures.OrderVersions:N0}", $"{figures.Events:N0}", $"{figures.Revenue:N2} {figures.Currency}");
        }
        table.AddRow("[bold]total[/]", $"[bold]{statistics.Orders:N0}[/]", $"[bold]{statistics.OrderVersions:N0}[/]", $"[bold]{statistics.Events:N0}[/]", "");
        console.Write(table);
        var rate = statistics.Items / Math.Max(elapsed.TotalSeconds, 0.001);
        console.MarkupLine($"{statistics.Items:N0} items in {elapsed.TotalSeconds:N1} s: [bold]{rate:N0} items/s[/]");
    }

    public static void Rejected(IAnsiConsole console, IReadOnlyList<RejectedItem> rejected, int show = 20)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(rejected);
        foreach (var item in rejected.Take(show))
        {
            var where = item.Position >= 0 ? $"{item.Kind} #{item.Position + 1}" : $"{item.Kind} (no detail given)";
            var problems = string.Join("; ", item.Problems.Select(p => $"{p.Field}: {p.Message}"));
            console.MarkupLineInterpolated($"[red]rejected[/] {where}: {problems}");
        }
        if (rejected.Count > show)
        {
            console.MarkupLine($"[red]... and {rejected.Count - show:N0} more rejected items[/]");
        }
        console.MarkupLine($"[red]{rejected.Count:N0} items were rejected by the service[/]");
    }
}
