namespace FoodFast.Analytics.Elasticsearch.Client;

/// <summary>
/// Round-robin over the nodes. A node that refused a connection or timed out is left out for a while;
/// when every node is out, the one that has been out longest is tried anyway.
/// </summary>
public sealed class NodePool(IReadOnlyList<Uri> nodes, TimeProvider time)
{
    private static readonly TimeSpan DeadFor = TimeSpan.FromSeconds(30);
    private readonly long[] _deadUntilTicks = new long[nodes.Count];
    private int _next = -1;

    public IReadOnlyList<Uri> Nodes => nodes;

    public int Pick()
    {
        var now = time.GetUtcNow().UtcTicks;
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)nodes.Count);
        var fallback = start;
        for (var i = 0; i < nodes.Count; i++)
        {
            var candidate = (start + i) % nodes.Count;
            var deadUntil = Volatile.Read(ref _deadUntilTicks[candidate]);
            if (deadUntil <= now)
            {
                return candidate;
            }
            if (deadUntil < Volatile.Read(ref _deadUntilTicks[fallback]))
            {
                fallback = candidate;
            }
        }
        return fallback;
    }

    public void MarkDead(int node) => Volatile.Write(ref _deadUntilTicks[node], (time.GetUtcNow() + DeadFor).UtcTicks);

    public void MarkAlive(int node) => Volatile.Write(ref _deadUntilTicks[node], 0);
}
