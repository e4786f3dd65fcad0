using System.ComponentModel;
using FoodFast.Analytics.Core.Live;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>What a stream subscribes to: the shop room (narrowed to the caller's shop) and the topics.</summary>
public sealed record StreamRequest(
    [property: Description("Shop room. Shop-bound credentials get their own shop; an admin may name one or leave it out for all shops.")] string? ShopId,
    [property: Description("Comma-separated topics: orders, analytics, inventory, payments. Default: all.")] string? Topics)
{
    /// <summary>The topic set (null for all), or the problem naming <c>topics</c>.</summary>
    public (IReadOnlySet<string>? Topics, string? Problem) ParseTopics()
    {
        if (string.IsNullOrWhiteSpace(Topics))
        {
            return (null, null);
        }
        var topics = Topics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = topics.Where(t => !LiveTypes.Topics.Contains(t)).ToList();
        return unknown.Count > 0
            ? (null, $"'{string.Join(", ", unknown)}' is not a topic; valid: {string.Join(", ", LiveTypes.Topics)}")
            : (topics, null);
    }
}
