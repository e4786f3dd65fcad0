using System.ComponentModel.DataAnnotations;

namespace FoodFast.Analytics.Core.Live;

/// <summary>Live counters and the live feed (<c>Live</c> section).</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Messages a client may have waiting; one more and it is dropped as too slow.</summary>
    [Range(1, 100_000)]
    public int ClientQueueCapacity { get; set; } = 512;

    /// <summary>
    /// Least time between two writes to one client: messages arriving sooner wait and go out together. A busy room then
    /// costs each client a few writes a second instead of one write, wake-up and socket send per message; a quiet one
    /// waits not at all. 0 writes every message at once.
    /// </summary>
    [Range(0, 1000)]
    public int SendIntervalMilliseconds { get; set; } = 50;

    /// <summary>WebSocket ping and SSE comment interval, so proxies keep idle streams open.</summary>
    [Range(1, 300)]
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>How long a dropped client gets to take its close frame before the connection is aborted.</summary>
    [Range(1, 120)]
    public int CloseGraceSeconds { get; set; } = 10;

    /// <summary>Messages kept per instance for SSE <c>Last-Event-ID</c> resume.</summary>
    [Range(0, 100_000)]
    public int ResumeBufferSize { get; set; } = 2048;

    /// <summary>An <c>inventory_updated</c> event with a stock level below this also sends <c>stock.low</c>.</summary>
    [Range(0, 1_000_000)]
    public int StockLowThreshold { get; set; } = 5;

    /// <summary>
    /// Bound on each Redis call of the counters. They run after the producer has its 202, so this only bounds how
    /// long a background task waits; too short, and a busy machine skips counts (the rebuild repairs them).
    /// </summary>
    [Range(50, 10_000)]
    public int RedisTimeoutMs { get; set; } = 2000;
}
