using System.Buffers;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// The upgraded connection under a live-feed WebSocket. The <see cref="System.Net.WebSockets.WebSocket"/> reads and
/// writes through it (handshake, pings, close), and the session also writes many ready-made frames in one write
/// (<see cref="WriteFramesAsync"/>): a client whose queue holds a burst gets it in one socket send instead of one
/// send, flush and syscall per message, which is what kept a thousand clients from keeping up.
/// Writes are serialised, so a frame of the WebSocket's own never lands inside a batch.
/// </summary>
public sealed class WebSocketTransportStream(Stream inner) : Stream
{
    // Never disposed: a write may still be releasing it while the WebSocket disposes the stream (no wait handle is made).
    private readonly SemaphoreSlim _writing = new(1, 1);

    public async Task WriteFramesAsync(IReadOnlyList<byte[]> frames, CancellationToken cancellationToken)
    {
        var length = 0;
        foreach (var frame in frames)
        {
            length += frame.Length;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var offset = 0;
            foreach (var frame in frames)
            {
                frame.CopyTo(buffer, offset);
                offset += frame.Length;
            }
            await WriteAsync(buffer.AsMemory(0, length), cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
