namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// The last messages this instance delivered, for SSE <c>Last-Event-ID</c>. Ids are <c>{instance}-{sequence}</c>:
/// an id from another instance (or from before a restart) cannot be resumed here and replays nothing.
/// </summary>
public sealed class ResumeBuffer(string instance, int capacity)
{
    private readonly Queue<LiveFrame> _frames = new();

    public string Instance { get; } = instance;

    public void Add(LiveFrame frame)
    {
        if (capacity == 0)
        {
            return;
        }
        lock (_frames)
        {
            if (_frames.Count == capacity)
            {
                _frames.Dequeue();
            }
            _frames.Enqueue(frame);
        }
    }

    /// <summary>Frames after <paramref name="lastEventId"/> that the client wants, oldest first.</summary>
    public IReadOnlyList<LiveFrame> After(string? lastEventId, LiveClient client)
    {
        if (lastEventId is null || !lastEventId.StartsWith(Instance + "-", StringComparison.Ordinal)
            || !long.TryParse(lastEventId.AsSpan(Instance.Length + 1), out var sequence))
        {
            return [];
        }
        lock (_frames)
        {
            return _frames.Where(f => f.Sequence > sequence && client.Wants(f.Envelope)).ToList();
        }
    }
}
