using System.CommandLine;
using System.Diagnostics;
using FoodFast.Analytics.SampleData.Generation;
using FoodFast.Analytics.SampleData.Output;
using Spectre.Console;

namespace FoodFast.Analytics.SampleData.Cli;

/// <summary>The root command: parse, generate into the chosen target, report. Exit 1 if anything was rejected or undeliverable.</summary>
public static class SampleDataCommand
{
    /// <param name="console">Where progress and the summary go (tests pass a recording console).</param>
    public static RootCommand Build(IAnsiConsole? console = null)
    {
        var command = new RootCommand("Generates realistic FoodFast orders and activity events, into NDJSON files or a running service.");
        foreach (var option in SampleDataOptions.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((result, cancellationToken) => RunAsync(result, console ?? TerminalConsole.Create(Console.Out, Console.IsOutputRedirected), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var settings = SampleDataOptions.Settings(result);
        var generator = new SampleDataGenerator(settings);
        var toApi = result.GetValue(SampleDataOptions.Target) == "api";
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        BatchPoster? poster = null;
        string destination;
        ISampleTarget target;
        if (toApi)
        {
            var options = new ApiTargetOptions
            {
                BaseUrl = result.GetValue(SampleDataOptions.Url)!,
                ApiKey = result.GetValue(SampleDataOptions.ApiKey) ?? ApiKeyLocator.Find(Environment.GetEnvironmentVariable, Environment.CurrentDirectory),
                BatchSize = result.GetValue(SampleDataOptions.BatchSize),
                Concurrency = result.GetValue(SampleDataOptions.Concurrency),
                Wait = result.GetValue(SampleDataOptions.Wait),
                Ndjson = result.GetValue(SampleDataOptions.Ndjson),
            };
            poster = new BatchPoster(http, options, message => console.MarkupLineInterpolated($"[yellow]{message}[/]"));
            target = new ApiTarget(poster, options);
            destination = options.BaseUrl.ToString();
        }
        else
        {
            var folder = result.GetValue(SampleDataOptions.Out)!.FullName;
            target = new FileTarget(folder);
            destination = folder;
        }

        console.MarkupLineInterpolated($"Generating {settings.Days} days up to {settings.Until:u} for {settings.Shops} shops, about {generator.PlannedOrders:N0} orders (seed {settings.Seed})");
        var clock = Stopwatch.StartNew();
        RunStatistics statistics;
        try
        {
            await using (target)
            {
                statistics = await ConsoleReport.WithProgressAsync(console, generator,
                    progress => SampleDataRun.ExecuteAsync(generator, target, new RatePacer(result.GetValue(SampleDataOptions.Rate)), progress, cancellationToken));
            }
        }
        catch (BatchDeliveryException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
        ConsoleReport.Summary(console, statistics, clock.Elapsed, destination);
        if (poster is { Rejected.Count: > 0 })
        {
            ConsoleReport.Rejected(console, poster.Rejected);
            return 1;
        }
        if (poster is not null)
        {
            console.MarkupLineInterpolated($"The service accepted {poster.Accepted:N0} items ({poster.Retries:N0} retries).");
        }
        return 0;
    }
}
