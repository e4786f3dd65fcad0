using FoodFast.Analytics.Bench;

return args switch
{
    ["copy-events", var n, var connectionString] => await EventLoad.CopyAsync(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), connectionString),
    ["post-events", var n, var url, var batch, var concurrency] => await EventLoad.PostAsync(
        int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), new Uri(url),
        int.Parse(batch, System.Globalization.CultureInfo.InvariantCulture), int.Parse(concurrency, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: FoodFast.Analytics.Bench copy-events <n> <connection string>    raw binary COPY of n events (the baseline)
               FoodFast.Analytics.Bench post-events <n> <url> <batch> <concurrency>   n events through POST /api/v1/events/batch
        """);
    return 2;
}
