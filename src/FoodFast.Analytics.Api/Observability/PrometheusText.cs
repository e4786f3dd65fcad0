using System.Globalization;
using System.Text;

namespace FoodFast.Analytics.Api.Observability;

/// <summary>
/// Writes collected series in the Prometheus text exposition format 0.0.4: a <c># HELP</c> and <c># TYPE</c> line
/// per metric, counters named <c>*_total</c>, histograms as cumulative <c>_bucket{le="..."}</c> lines ending in
/// <c>+Inf</c>, then <c>_sum</c> and <c>_count</c>. Instrument names map the OpenTelemetry way: dots become
/// underscores and the unit <c>s</c> adds <c>_seconds</c>.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<InstrumentSeries> instruments)
    {
        var text = new StringBuilder();
        foreach (var instrument in instruments)
        {
            var name = MetricName(instrument);
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(instrument.Instrument.Description ?? "")).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(TypeName(instrument.Kind)).Append('\n');
            foreach (var series in instrument.Series)
            {
                if (instrument.Kind == MetricKind.Histogram)
                {
                    WriteHistogram(text, name, instrument.Bounds, series);
                }
                else
                {
                    Sample(text, name, series.Labels, null, series.Value);
                }
            }
        }
        return text.ToString();
    }

    public static string MetricName(InstrumentSeries instrument)
    {
        var name = new StringBuilder();
        foreach (var c in instrument.Instrument.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }
        if (instrument.Instrument.Unit == "s")
        {
            name.Append("_seconds");
        }
        if (instrument.Kind == MetricKind.Counter)
        {
            name.Append("_total");
        }
        return name.ToString();
    }

    private static void WriteHistogram(StringBuilder text, string name, IReadOnlyList<double> bounds, Series series)
    {
        var (sum, count, buckets) = series.Snapshot();
        for (var i = 0; i <= bounds.Count; i++)
        {
            var le = i < bounds.Count ? Number(bounds[i]) : "+Inf";
            Sample(text, name + "_bucket", series.Labels, le, buckets[i]);
        }
        Sample(text, name + "_sum", series.Labels, null, sum);
        Sample(text, name + "_count", series.Labels, null, count);
    }

    private static void Sample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, label) in labels)
            {
                text.Append(first ? "" : ",").Append(key).Append("=\"").Append(EscapeLabel(label)).Append('"');
                first = false;
            }
            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }
            text.Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string TypeName(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Histogram => "histogram",
        _ => "gauge",
    };

    internal static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    internal static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>HELP text escapes backslash and line feed only.</summary>
    private static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
