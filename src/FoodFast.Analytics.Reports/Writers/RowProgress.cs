namespace FoodFast.Analytics.Reports.Writers;

/// <summary>Counts rows as a writer writes them and reports every <see cref="Interval"/> rows.</summary>
internal sealed class RowProgress(IProgress<ReportProgress>? progress)
{
    public const int Interval = 1000;

    public long Rows { get; private set; }

    public void RowWritten()
    {
        Rows++;
        if (Rows % Interval == 0)
        {
            progress?.Report(new ReportProgress(Rows));
        }
    }

    public void Completed() => progress?.Report(new ReportProgress(Rows));
}
