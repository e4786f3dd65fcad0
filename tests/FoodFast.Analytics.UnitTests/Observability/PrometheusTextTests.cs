using System.Diagnostics.Metrics;
using FoodFast.Analytics.Api.Observability;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.UnitTests.Observability;

/// <summary>The exposition text for known measurements, line by line (Prometheus text format 0.0.4).</summary>
public sealed class PrometheusTextTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FoodFastMetrics _metrics;
    private readonly MetricsCollector _collector;

    public PrometheusTextTests()
    {
        _metrics = new FoodFastMetrics(_services.GetRequiredService<IMeterFactory>());
        _collector = new MetricsCollector(_metrics);
    }

    private string[] Lines() => PrometheusText.Write(_collector.Collect()).Split('\n');

    [Fact]
    public void Counters_are_named_total_and_sum_per_label_set()
    {
        _metrics.Ingested(IngestKind.Order, "accepted", 3);
        _metrics.Ingested(IngestKind.OrderStatus, "accepted", 2);
        _metrics.Ingested(IngestKind.Event, "rejected", 1);

        var lines = Lines();

        Assert.Contains("# TYPE foodfast_ingest_items_total counter", lines);
        Assert.Contains("# HELP foodfast_ingest_items_total Items received by the ingestion endpoints, by kind (orders, events) and outcome (accepted, rejected; stored: of the accepted, those written through to the store at once).", lines);
        Assert.Contains("foodfast_ingest_items_total{kind=\"orders\",outcome=\"accepted\"} 5", lines);
        Assert.Contains("foodfast_ingest_items_total{kind=\"events\",outcome=\"rejected\"} 1", lines);
    }

    [Fact]
    public void Histograms_have_cumulative_buckets_ending_in_inf_then_sum_and_count()
    {
        _metrics.HttpRequest("GET", "/api/v1/me", 200, TimeSpan.FromMilliseconds(3));
        _metrics.HttpRequest("GET", "/api/v1/me", 200, TimeSpan.FromMilliseconds(200));
        _metrics.HttpRequest("GET", "/api/v1/me", 200, TimeSpan.FromSeconds(90));

        var lines = Lines();
        var series = "method=\"GET\",route=\"/api/v1/me\",status=\"200\"";

        Assert.Contains("# TYPE foodfast_http_server_request_duration_seconds histogram", lines);
        Assert.Contains($"foodfast_http_server_request_duration_seconds_bucket{{{series},le=\"0.005\"}} 1", lines);
        Assert.Contains($"foodfast_http_server_request_duration_seconds_bucket{{{series},le=\"0.1\"}} 1", lines);
        Assert.Contains($"foodfast_http_server_request_duration_seconds_bucket{{{series},le=\"0.25\"}} 2", lines);
        Assert.Contains($"foodfast_http_server_request_duration_seconds_bucket{{{series},le=\"60\"}} 2", lines);
        Assert.Contains($"foodfast_http_server_request_duration_seconds_bucket{{{series},le=\"+Inf\"}} 3", lines);
        Assert.Contains($"foodfast_http_server_request_duration_seconds_sum{{{series}}} 90.203", lines);
        Assert.Contains($"foodfast_http_server_request_duration_seconds_count{{{series}}} 3", lines);
        Assert.Contains($"foodfast_http_server_requests_total{{{series}}} 3", lines);
        // Buckets come in ascending order, +Inf last, then _sum and _count.
        var buckets = lines.Where(l => l.StartsWith("foodfast_http_server_request_duration_seconds_", StringComparison.Ordinal)).ToList();
        Assert.EndsWith("le=\"+Inf\"} 3", buckets[^3], StringComparison.Ordinal);
        Assert.StartsWith("foodfast_http_server_request_duration_seconds_sum", buckets[^2], StringComparison.Ordinal);
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_newline()
    {
        _metrics.HttpRequest("GET", "/a\"b\\c\nd", 404, TimeSpan.Zero);

        Assert.Contains("foodfast_http_server_requests_total{method=\"GET\",route=\"/a\\\"b\\\\c\\nd\",status=\"404\"} 1", Lines());
    }

    [Fact]
    public void Gauges_report_the_current_value_and_disappear_while_their_source_is_unreadable()
    {
        var connected = 2;
        _metrics.ObserveLiveConnections(() => connected);
        _metrics.IngestLog(new IngestLogStats(7, 7, 0, null, 1));

        var first = Lines();
        connected = 1;
        _metrics.IngestLog(null);
        var second = Lines();

        Assert.Contains("# TYPE foodfast_live_connections gauge", first);
        Assert.Contains("foodfast_live_connections 2", first);
        Assert.Contains("foodfast_ingest_log_depth 7", first);
        Assert.Contains("foodfast_ingest_log_oldest_age_seconds 0", first);
        Assert.Contains("foodfast_live_connections 1", second);
        Assert.DoesNotContain(second, l => l.StartsWith("foodfast_ingest_log_depth ", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_hosts_meter_is_not_collected()
    {
        using var otherServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var other = new FoodFastMetrics(otherServices.GetRequiredService<IMeterFactory>());

        other.CacheLookup(hit: true);
        _metrics.CacheLookup(hit: false);

        var lines = Lines();
        Assert.Contains("foodfast_cache_misses_total 1", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("foodfast_cache_hits_total ", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _collector.Dispose();
        _services.Dispose();
    }
}
