using Npgsql;

namespace FoodFast.Analytics.Postgres.Exports;

/// <summary>A COPY's text that returns its connection to the pool when disposed (which also stops an unfinished COPY).</summary>
internal sealed class ConnectionOwnedReader(TextReader copy, NpgsqlConnection connection) : TextReader
{
    public override int Read(Span<char> buffer) => copy.Read(buffer);

    public override int Read(char[] buffer, int index, int count) => copy.Read(buffer, index, count);

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => copy.ReadAsync(buffer, cancellationToken);

    public override int Peek() => copy.Peek();

    public override int Read() => copy.Read();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            copy.Dispose();
            connection.Dispose();
        }
        base.Dispose(disposing);
    }
}
