using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using ActivityEvent = FoodFast.Analytics.Core.Events.ActivityEvent;
using FoodFast.Analytics.Core.Wire;
using Npgsql;
using NpgsqlTypes;

namespace FoodFast.Analytics.Bench;

/// <summary>The same synthetic events, written by plain binary COPY (baseline) or posted to the API.</summary>
internal static class EventLoad
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(-1);

    public static ActivityEvent Event(int i) => new()
    {
        ShopId = $"bench-{i % 10}",
        EventId = Guid.NewGuid(),
        OccurredAt = Start.AddMilliseconds(i),
        Category = EventCategory.Product,
        Type = (i % 4) switch { 0 => ActivityType.PageView, 1 => ActivityType.ProductView, 2 => ActivityType.AddToCart, _ => ActivityType.Search },
        UserId = $"u-{i % 5000}",
        SessionId = $"s-{i / 8}",
        ProductId = $"p-{i % 700}",
        ProductName = "Bio Hafermilch 1 l",
        Value = 1.99m,
        Device = "ios",
        Country = "DE",
    };

    /// <summary>Binary COPY of n events into a fresh copy of the events table: what Postgres can take at best.</summary>
    public static async Task<int> CopyAsync(int n, string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var reset = dataSource.CreateCommand("drop table if exists bench_events; create table bench_events (like events including all)"))
        {
            await reset.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var offset = 0; offset < n; offset += 10_000)
        {
            await using var writer = await connection.BeginBinaryImportAsync(
                "copy bench_events (event_id, shop_id, occurred_at, category, type, user_id, session_id, product_id, product_name, value, device, country) from stdin (format binary)");
            for (var i = offset; i < Math.Min(n, offset + 10_000); i++)
            {
                var e = Event(i);
                await writer.StartRowAsync();
                await writer.WriteAsync(e.EventId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(e.ShopId, NpgsqlDbType.Text);
                await writer.WriteAsync(e.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(WireNames.Of(e.Category), NpgsqlDbType.Text);
                await writer.WriteAsync(WireNames.Of(e.Type), NpgsqlDbType.Text);
                await writer.WriteAsync(e.UserId!, NpgsqlDbType.Text);
                await writer.WriteAsync(e.SessionId!, NpgsqlDbType.Text);
                await writer.WriteAsync(e.ProductId!, NpgsqlDbType.Text);
                await writer.WriteAsync(e.ProductName!, NpgsqlDbType.Text);
                await writer.WriteAsync(e.Value!.Value, NpgsqlDbType.Numeric);
                await writer.WriteAsync(e.Device!, NpgsqlDbType.Text);
                await writer.WriteAsync(e.Country!, NpgsqlDbType.Text);
            }
            await writer.CompleteAsync();
        }
        Report("copy", n, clock.Elapsed);
        await using var drop = dataSource.CreateCommand("drop table bench_events");
        await drop.ExecuteNonQueryAsync();
        return 0;
    }

    /// <summary>Posts n events in NDJSON batches from several concurrent senders; reports the acceptance rate.</summary>
    public static async Task<int> PostAsync(int n, Uri url, int batch, int concurrency)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Environment.GetEnvironmentVariable("FOODFAST_API_KEY") ?? "");
        var next = -1;
        var clock = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int first;
            while ((first = Interlocked.Add(ref next, batch) - batch + 1) < n)
            {
                var body = new StringBuilder();
                for (var i = first; i < Math.Min(n, first + batch); i++)
                {
                    body.Append(JsonSerializer.Serialize(Event(i), WireJson.Options)).Append('\n');
                }
                using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
                using var response = await http.PostAsync(new Uri("/api/v1/events/batch", UriKind.Relative), content);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"batch at {first}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        });
        await Task.WhenAll(senders);
        Report("api-batch", n, clock.Elapsed);
        return 0;
    }

    private static void Report(string what, int n, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {n} events in {elapsed.TotalSeconds:0.00} s = {n / elapsed.TotalSeconds:0} events/s"));
}
