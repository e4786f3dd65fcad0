using System.CommandLine;
using System.CommandLine.Parsing;
using FoodFast.Analytics.SampleData.Generation;

namespace FoodFast.Analytics.SampleData.Cli;

/// <summary>The command-line options, their defaults and their checks (each error names the option).</summary>
public static class SampleDataOptions
{
    private static readonly GeneratorSettings Defaults = new();

    public static Option<int> Shops { get; } = Between("--shops", "Number of shops: 1-5 (DE, FR, UK, AT, NL; EUR and GBP)", Defaults.Shops, 1, Generation.Shops.All.Count);
    public static Option<int> Customers { get; } = Between("--customers", "At most this many customers across all shops", Defaults.Customers, 1, 10_000_000);
    public static Option<int> Products { get; } = Between("--products", "Products in the catalogue", Defaults.Products, 1, 1_000_000);
    public static Option<int> Days { get; } = Between("--days", "Days of history, back from now (or --until); older days are thinner", Defaults.Days, 1, 3650);
    public static Option<int> OrdersPerDay { get; } = Between("--orders-per-day", "Average orders per shop per day now (a year ago about a third)", Defaults.OrdersPerDay, 0, 10_000_000);
    public static Option<int> EventsPerOrder { get; } = Between("--events-per-order", "Average activity events per order (0: orders only)", Defaults.EventsPerOrder, 0, 1000);
    public static Option<int> EventDays { get; } = Between("--event-days", "Days, back from --until, whose orders come with activity events", Defaults.EventDays, 0, 3650);
    public static Option<int> Seed { get; } = new("--seed")
    {
        Description = "Random seed: the same seed and --until give byte-identical data",
        DefaultValueFactory = _ => Defaults.Seed,
    };
    public static Option<int> BatchSize { get; } = Between("--batch-size", "Items per request (api target)", 1000, 1, 1_000_000);
    public static Option<int> Concurrency { get; } = Between("--concurrency", "Batches in flight at once (api target)", 4, 1, 64);

    public static Option<DateTimeOffset?> Until { get; } = new("--until")
    {
        Description = "End of the generated period, ISO-8601 (default: now, to the minute); not in the future",
        Validators = { r => { if (r.GetValueOrDefault<DateTimeOffset?>() > DateTimeOffset.UtcNow) r.AddError("--until must not be in the future"); } },
    };

    public static Option<string> Target { get; } = new Option<string>("--target")
    {
        Description = "api: post batches to a running service; file: write orders.ndjson and events.ndjson",
        DefaultValueFactory = _ => "api",
    }.AcceptOnlyFromAmong("api", "file");

    public static Option<Uri> Url { get; } = new("--url")
    {
        Description = "Base URL of the service (api target)",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:8080"),
        CustomParser = r =>
        {
            if (Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }
            r.AddError($"--url must be an absolute http(s) URL (got '{r.Tokens[0].Value}')");
            return null;
        },
    };

    public static Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"API key sent as X-Api-Key (default: ${ApiKeyLocator.EnvironmentVariable}, else {ApiKeyLocator.KeyFile})",
    };

    public static Option<DirectoryInfo> Out { get; } = new("--out")
    {
        Description = "Folder for the file target",
        DefaultValueFactory = _ => new DirectoryInfo("sample-data"),
    };

    public static Option<double?> Rate { get; } = new("--rate")
    {
        Description = "At most this many items per second (default: as fast as possible)",
        Validators = { r => { if (r.GetValueOrDefault<double?>() is <= 0) r.AddError("--rate must be greater than 0"); } },
    };

    public static Option<bool> Wait { get; } = new("--wait") { Description = "Read-your-writes: ?wait=true on the last batch of orders and of events" };
    public static Option<bool> Ndjson { get; } = new("--ndjson") { Description = "Send batches as NDJSON instead of JSON arrays" };

    public static IEnumerable<Option> All =>
        [Shops, Customers, Products, Days, OrdersPerDay, EventsPerOrder, EventDays, Seed, Until, Target, Url, ApiKey, Out, Rate, Wait, BatchSize, Concurrency, Ndjson];

    public static GeneratorSettings Settings(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = DateTimeOffset.UtcNow;
        return new GeneratorSettings
        {
            Shops = result.GetValue(Shops),
            Customers = result.GetValue(Customers),
            Products = result.GetValue(Products),
            Days = result.GetValue(Days),
            OrdersPerDay = result.GetValue(OrdersPerDay),
            EventsPerOrder = result.GetValue(EventsPerOrder),
            EventDays = result.GetValue(EventDays),
            Seed = result.GetValue(Seed),
            // To the minute, so two runs with the same seed in the same minute match byte for byte.
            Until = (result.GetValue(Until) ?? new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero)).ToUniversalTime(),
        };
    }

    private static Option<int> Between(string name, string description, int defaultValue, int min, int max) => new(name)
    {
        Description = $"{description} [{min}..{max}]",
        DefaultValueFactory = _ => defaultValue,
        Validators = { r => Check(r, name, min, max) },
    };

    private static void Check(OptionResult result, string name, int min, int max)
    {
        var value = result.GetValueOrDefault<int>();
        if (value < min || value > max)
        {
            result.AddError($"{name} must be between {min} and {max} (got {value})");
        }
    }
}
