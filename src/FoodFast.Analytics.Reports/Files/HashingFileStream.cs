using System.Security.Cryptography;

namespace FoodFast.Analytics.Reports.Files;

/// <summary>
/// A file being written, hashed as the bytes go by, so a finished report is not read back just to learn its SHA-256.
/// Writers that only append (CSV, PDF) get their hash for free; one that seeks back to patch what it wrote (the zip
/// inside an XLSX fills in its local headers) makes the running hash worthless, and <see cref="Sha256"/> then says so.
/// </summary>
internal sealed class HashingFileStream(FileStream file) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _hashed;
    private bool _sequential = true;

    /// <summary>The SHA-256 of every byte written, in lower-case hex; null when the writer did not write front to back.</summary>
    public string? Sha256() => _sequential && _hashed == file.Length ? Convert.ToHexStringLower(_hash.GetCurrentHash()) : null;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Track(buffer);
        file.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Track(buffer.Span);
        await file.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Track(ReadOnlySpan<byte> buffer)
    {
        if (_sequential && file.Position == _hashed)
        {
            _hash.AppendData(buffer);
            _hashed += buffer.Length;
        }
        else
        {
            _sequential = false;
        }
    }

    public override void SetLength(long value)
    {
        _sequential &= value == _hashed;
        file.SetLength(value);
    }

    public override bool CanRead => file.CanRead;
    public override bool CanSeek => file.CanSeek;
    public override bool CanWrite => file.CanWrite;
    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override void Flush() => file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            file.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _hash.Dispose();
        await file.DisposeAsync();
        await base.DisposeAsync();
    }
}
