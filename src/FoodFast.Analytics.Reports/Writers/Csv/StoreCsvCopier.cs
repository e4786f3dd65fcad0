using System.Buffers;
using System.Globalization;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Csv;

/// <summary>
/// Copies the store's own CSV (rows ending in LF) into the report's: each row end outside quotes becomes CRLF, a
/// line break inside a quoted field stays as it is (as the writer keeps it). It counts the rows, and reads the time
/// column of the first row and of one row in every <see cref="RowProgress.Interval"/> for progress.
/// </summary>
internal sealed class StoreCsvCopier(StoreCsv source, RowProgress rows)
{
    private static readonly SearchValues<char> QuoteOrLineEnd = SearchValues.Create("\"\n");

    // The start of a row whose time is wanted, while it spans reads.
    private readonly System.Text.StringBuilder partialLine = new();
    private bool inQuotes;
    private bool wantTime = source.OnTime is not null;

    public async Task CopyAsync(TextReader csv, Utf8Buffer buffer, Stream destination, CancellationToken cancellationToken)
    {
        var chars = new char[1 << 15];
        int read;
        while ((read = await csv.ReadAsync(chars, cancellationToken)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Copy(chars.AsSpan(0, read), buffer);
            if (buffer.IsFull)
            {
                await buffer.FlushToAsync(destination, cancellationToken);
            }
        }
    }

    private void Copy(ReadOnlySpan<char> block, Utf8Buffer buffer)
    {
        var lineStart = 0; // of the row being read, in this block (its start may lie in an earlier one: see partialLine)
        var written = 0;
        for (var at = block.IndexOfAny(QuoteOrLineEnd); at >= 0; at = Next(block, at))
        {
            if (block[at] == '"')
            {
                inQuotes = !inQuotes; // a doubled quote toggles twice
                continue;
            }
            if (inQuotes)
            {
                continue;
            }
            buffer.WriteText(block[written..at]);
            buffer.Write("\r\n"u8);
            written = at + 1;
            if (wantTime)
            {
                ReadTime(block[lineStart..at]);
            }
            rows.RowWritten();
            wantTime |= source.OnTime is not null && rows.Rows % RowProgress.Interval == 0;
            lineStart = written;
        }
        buffer.WriteText(block[written..]);
        if (wantTime)
        {
            partialLine.Append(block[lineStart..]);
        }
    }

    private void ReadTime(ReadOnlySpan<char> lineEnd)
    {
        var line = partialLine.Length == 0 ? lineEnd : partialLine.Append(lineEnd).ToString();
        partialLine.Clear();
        if (TryReadTime(line, source.TimeColumn, out var time))
        {
            source.OnTime!(time);
            wantTime = false;
        }
    }

    private static int Next(ReadOnlySpan<char> block, int at)
    {
        var next = block[(at + 1)..].IndexOfAny(QuoteOrLineEnd);
        return next < 0 ? -1 : at + 1 + next;
    }

    /// <summary>The instant in field <paramref name="column"/> of one CSV row (fields before it may be quoted).</summary>
    internal static bool TryReadTime(ReadOnlySpan<char> row, int column, out DateTimeOffset time)
    {
        time = default;
        for (var field = 0; field < column; field++)
        {
            var end = FieldEnd(row);
            if (end < 0 || end >= row.Length)
            {
                return false;
            }
            row = row[(end + 1)..];
        }
        var comma = row.IndexOf(',');
        return DateTimeOffset.TryParse(comma < 0 ? row : row[..comma], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    // The index of the comma after the first field (or the row's length), quotes respected; -1 if a quote is not closed.
    private static int FieldEnd(ReadOnlySpan<char> row)
    {
        if (row.IsEmpty || row[0] != '"')
        {
            var comma = row.IndexOf(',');
            return comma < 0 ? row.Length : comma;
        }
        var at = 1;
        while (true)
        {
            var quote = row[at..].IndexOf('"');
            if (quote < 0)
            {
                return -1;
            }
            at += quote + 1;
            if (at < row.Length && row[at] == '"')
            {
                at++; // a doubled quote inside the field
                continue;
            }
            return at;
        }
    }
}
