using System.Globalization;
using System.Text;

namespace FoodFast.Analytics.Reports.Writers;

/// <summary>
/// The next bytes of a file, formatted in place: writers put each value's UTF-8 straight in here (no string per
/// value) and hand the bytes to the destination once <see cref="IsFull"/>. It grows only for a row longer than
/// <see cref="FlushThreshold"/>, so memory stays flat whatever the row count.
/// </summary>
internal sealed class Utf8Buffer
{
    public const int FlushThreshold = 1 << 16;

    private byte[] bytes = new byte[FlushThreshold + 4096];
    private int length;

    public bool IsFull => length >= FlushThreshold;

    public ReadOnlyMemory<byte> Written => bytes.AsMemory(0, length);

    public void Clear() => length = 0;

    public void Write(byte value)
    {
        Ensure(1);
        bytes[length++] = value;
    }

    public void Write(ReadOnlySpan<byte> utf8)
    {
        Ensure(utf8.Length);
        utf8.CopyTo(bytes.AsSpan(length));
        length += utf8.Length;
    }

    public void WriteText(ReadOnlySpan<char> text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        length += Encoding.UTF8.GetBytes(text, bytes.AsSpan(length));
    }

    /// <summary>A number or date in the invariant culture (<paramref name="format"/> as for <c>ToString</c>).</summary>
    public void WriteInvariant<T>(T value, ReadOnlySpan<char> format = default) where T : IUtf8SpanFormattable
    {
        int written;
        while (!value.TryFormat(bytes.AsSpan(length), out written, format, CultureInfo.InvariantCulture))
        {
            Ensure(bytes.Length - length + 64);
        }
        length += written;
    }

    /// <summary>Room for at least <paramref name="size"/> bytes; write into it, then <see cref="Advance"/>.</summary>
    public Span<byte> Reserve(int size)
    {
        Ensure(size);
        return bytes.AsSpan(length);
    }

    public void Advance(int count) => length += count;

    public void FlushTo(Stream destination)
    {
        destination.Write(bytes, 0, length);
        length = 0;
    }

    public async ValueTask FlushToAsync(Stream destination, CancellationToken cancellationToken)
    {
        await destination.WriteAsync(bytes.AsMemory(0, length), cancellationToken);
        length = 0;
    }

    private void Ensure(int size)
    {
        if (bytes.Length - length < size)
        {
            Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + size));
        }
    }
}
