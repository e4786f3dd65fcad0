using FoodFast.Analytics.Bench;

return args switch
{
    ["copy-events", var n, var connectionString] => await EventLoad.CopyAsync(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), connectionString),
    ["post-events", var n, var url, var batch, var concurrency] => await EventLoad.PostAsync(
        int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), new Uri(url),
        int.Parse(batch, System.Globalization.CultureInfo.InvariantCulture), int.Parse(concurrency, System.Globalization.CultureInfo.InvariantCulture)),
    ["live-listen", var url, var key, var clients, var shops, var seconds, var readyFile, var measureFile] => await LiveLoad.ListenAsync(
        new Uri(url), key, Int(clients), Int(shops), Int(seconds), readyFile, measureFile),
    ["live-produce", var url, var key, var rate, var seconds, var shops] => await LiveLoad.ProduceAsync(new Uri(url), key, Int(rate), Int(seconds), Int(shops)),
    ["live-produce", var url, var key, var rate, var seconds, var shops, var warmup, var measureFile] => await LiveLoad.ProduceAsync(
        new Uri(url), key, Int(rate), Int(seconds), Int(shops), Int(warmup), measureFile),
    ["export-read", var connectionString, var shop, var from, var to] => await ExportRead.RunAsync(connectionString, shop,
        DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture)),
    ["app-drawn", var url, var key, var shop, var mode, var runs] when mode is "cold" or "warm" => await AppDrawn.RunAsync(new Uri(url), key, shop, mode, Int(runs)),
    ["paths", .. var rest] => Paths(rest),
    _ => Usage(),
};

// BenchmarkDotNet over code paths (instruction- and allocation-level comparisons that survive a loaded machine).
static int Paths(string[] rest)
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(FoodFast.Analytics.Bench.Paths.BatchAcceptBenchmarks).Assembly).Run(rest);
    return 0;
}

static int Int(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("""
        usage: FoodFast.Analytics.Bench copy-events <n> <connection string>    raw binary COPY of n events (the baseline)
               FoodFast.Analytics.Bench post-events <n> <url> <batch> <concurrency>   n events through POST /api/v1/events/batch
               FoodFast.Analytics.Bench live-listen <url> <key> <clients> <shops> <seconds> <ready file> <measure file>   WebSocket clients, delivery latency
               FoodFast.Analytics.Bench export-read <connection string> <shop> <from> <to>   the store's export read alone against COPY
               FoodFast.Analytics.Bench app-drawn <url> <key> <shop> cold|warm <runs>   time to a fully drawn /app overview in chromium
               FoodFast.Analytics.Bench paths [BenchmarkDotNet args, e.g. --filter '*Batch*' --job short]   code-path benchmarks
               FoodFast.Analytics.Bench live-produce <url> <key> <orders/s> <seconds> <shops> [<warm-up seconds> <measure file>]   orders in batches of 10 at a fixed rate
        """);
    return 2;
}
