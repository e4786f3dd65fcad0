namespace FoodFast.Analytics.Core.Ingestion;

/// <summary>This instance's ingestion counts: totals since start and the last minute, per second buckets.</summary>
public sealed class IngestionMetrics(TimeProvider time)
{
    private readonly RollingCount _accepted = new(time);
    private readonly RollingCount _rejected = new(time);
    private readonly RollingCount _indexed = new(time);
    private readonly RollingCount _deadLettered = new(time);

    public void Accepted(int count) => _accepted.Add(count);
    public void Rejected(int count) => _rejected.Add(count);
    public void Indexed(int count) => _indexed.Add(count);
    public void DeadLettered(int count) => _deadLettered.Add(count);

    public IngestionThroughput Snapshot() => new(
        _accepted.Total, _rejected.Total, _indexed.Total, _deadLettered.Total,
        _accepted.LastMinute() / 60.0, _indexed.LastMinute() / 60.0);

    private sealed class RollingCount(TimeProvider time)
    {
        private readonly long[] _buckets = new long[60];
        private readonly long[] _seconds = new long[60];
        private long _total;

        public long Total => Interlocked.Read(ref _total);

        public void Add(int count)
        {
            Interlocked.Add(ref _total, count);
            var second = time.GetUtcNow().ToUnixTimeSeconds();
            var slot = (int)(second % 60);
            lock (_buckets)
            {
                if (_seconds[slot] != second)
                {
                    _seconds[slot] = second;
                    _buckets[slot] = 0;
                }
                _buckets[slot] += count;
            }
        }

        public long LastMinute()
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            lock (_buckets)
            {
                long sum = 0;
                for (var i = 0; i < 60; i++)
                {
                    sum += now - _seconds[i] < 60 ? _buckets[i] : 0;
                }
                return sum;
            }
        }
    }
}

/// <summary>Counts since start and per-second rates over the last minute, for this instance.</summary>
public sealed record IngestionThroughput(long Accepted, long Rejected, long Indexed, long DeadLettered, double AcceptedPerSecond, double IndexedPerSecond);
