namespace FoodFast.Analytics.Reports.Documents;

public enum ChartKind
{
    Line,
    Bar,
}

/// <summary>A chart over <see cref="Labels"/> (the x axis); every series has one value per label.</summary>
public sealed record ReportChart(string Title, ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
