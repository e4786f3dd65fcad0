using System.Buffers.Binary;
using System.Text.Json;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Core.Queries;

/// <summary>
/// A result as the query cache keeps it: when it was computed and until when it is fresh (8 bytes each, Unix
/// milliseconds, big-endian), then its JSON exactly as a cache hit sends it (<c>meta.cached</c> true). A hit is
/// written to the client as it is, never parsed; the times in front give the <c>Age</c> header and the near cache's
/// expiry without reading the JSON.
/// </summary>
public static class CachedResult
{
    /// <summary>
    /// Goes into the cache key: entries written in another format are never read as this one. Raise it when the stored
    /// JSON changes, a cell's form (<see cref="ResultCell"/>'s converter) included.
    /// </summary>
    public const string Format = "r4";

    private const int Header = 2 * sizeof(long);

    public static byte[] Encode(QueryResult result) =>
        Encode(JsonSerializer.SerializeToUtf8Bytes(result with { Meta = result.Meta with { Cached = true } }, WireJson.Options),
            result.Meta.ComputedAt, result.Meta.FreshUntil);

    /// <summary>An entry of any answer's JSON as a hit sends it (<c>meta.cached</c> true), with its times.</summary>
    public static byte[] Encode(byte[] json, DateTimeOffset computedAt, DateTimeOffset freshUntil)
    {
        var entry = new byte[Header + json.Length];
        BinaryPrimitives.WriteInt64BigEndian(entry, computedAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(entry.AsSpan(sizeof(long)), freshUntil.ToUnixTimeMilliseconds());
        json.CopyTo(entry, Header);
        return entry;
    }

    /// <summary>The entry's result JSON and when it was computed; null when the entry is not in this format.</summary>
    public static QueryJson? Read(byte[] entry) => entry.Length > Header
        ? new QueryJson(entry.AsMemory(Header), Cached: true, DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(entry)))
        : null;

    /// <summary>Until when the entry's answer is fresh; null when the entry is not in this format.</summary>
    public static DateTimeOffset? FreshUntil(byte[] entry) => entry.Length > Header
        ? DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(entry.AsSpan(sizeof(long))))
        : null;

    public static QueryResult Parse(QueryJson json) => JsonSerializer.Deserialize<QueryResult>(json.Json.Span, WireJson.Options)!;
}

/// <summary>A result's JSON as it is sent, whether it came from the cache, and when the store computed it.</summary>
public sealed record QueryJson(ReadOnlyMemory<byte> Json, bool Cached, DateTimeOffset ComputedAt)
{
    public static QueryJson Of(QueryResult result) =>
        new(JsonSerializer.SerializeToUtf8Bytes(result, WireJson.Options), result.Meta.Cached, result.Meta.ComputedAt);
}
