using System.Globalization;
using System.Net;

namespace FoodFast.Analytics.IntegrationTests.Observability;

/// <summary>One <c>GET /metrics</c> answer, parsed into its sample lines.</summary>
public sealed class Scrape
{
    private Scrape(string text) => Text = text;

    public string Text { get; }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<Scrape> TakeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"scrape: {(int)response.StatusCode} {text}");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return new Scrape(text);
    }

    /// <summary>The value of the sample written exactly as <paramref name="series"/> (name and labels); 0 when absent.</summary>
    public double Value(string series) =>
        Lines.Where(l => l.StartsWith(series + " ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(series.Length + 1)..], CultureInfo.InvariantCulture)).SingleOrDefault();

    public string? TypeOf(string metric) =>
        Lines.FirstOrDefault(l => l.StartsWith($"# TYPE {metric} ", StringComparison.Ordinal))?.Split(' ')[3];
}
