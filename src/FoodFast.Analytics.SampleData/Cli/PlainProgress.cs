using System.Diagnostics;
using FoodFast.Analytics.SampleData.Generation;
using FoodFast.Analytics.SampleData.Output;
using Spectre.Console;

namespace FoodFast.Analytics.SampleData.Cli;

/// <summary>
/// Progress for output that is not a terminal (a log, a pipe, CI): Spectre's own fallback prints only percentages, so a
/// line every few seconds with what the bar shows in a terminal: how far, items per second and the time left.
/// </summary>
public static class PlainProgress
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static async Task<RunStatistics> RunAsync(
        IAnsiConsole console, SampleDataGenerator generator, Func<Action<RunStatistics>, Task<RunStatistics>> run, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(run);
        var clock = Stopwatch.StartNew();
        var printed = TimeSpan.Zero;
        var gate = new Lock();
        var statistics = await run(s =>
        {
            lock (gate)
            {
                if (clock.Elapsed - printed >= interval)
                {
                    printed = clock.Elapsed;
                    console.WriteLine(Line(generator, s.Orders, s.OrderVersions, s.Events, clock.Elapsed));
                }
            }
        });
        console.WriteLine(Line(generator, generator.PlannedOrders, statistics.OrderVersions, Math.Max(generator.PlannedEvents, statistics.Events), clock.Elapsed));
        return statistics;
    }

    /// <summary>
    /// For example <c>orders 38%, events 0%: 17,367 items/s, about 3 min 20 s left</c>. The items still to come are the
    /// planned events and the planned orders times the versions each order has had so far (an order is sent once per
    /// status it passes through).
    /// </summary>
    public static string Line(SampleDataGenerator generator, long orders, long orderVersions, long events, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var versionsPerOrder = orders > 0 ? orderVersions / (double)orders : 1;
        var items = orderVersions + events;
        var planned = Math.Max(1, generator.PlannedOrders * versionsPerOrder + generator.PlannedEvents);
        var done = Math.Min(1.0, (orderVersions + Math.Min(events, generator.PlannedEvents)) / planned);
        var rate = items / Math.Max(elapsed.TotalSeconds, 0.001);
        var left = done <= 0 ? "time left not known yet" : done >= 1 ? "done" : $"about {Duration(elapsed * ((1 - done) / done))} left";
        return FormattableString.Invariant($"orders {Percent(orders, generator.PlannedOrders)}%, events {Percent(events, generator.PlannedEvents)}%: {rate:N0} items/s, {left}");
    }

    private static int Percent(long value, long of) => of <= 0 ? 100 : (int)Math.Min(100, value * 100 / of);

    private static string Duration(TimeSpan span) => span.TotalMinutes >= 1
        ? FormattableString.Invariant($"{(int)span.TotalMinutes} min {span.Seconds} s")
        : FormattableString.Invariant($"{Math.Max(1, (int)Math.Ceiling(span.TotalSeconds))} s");
}
