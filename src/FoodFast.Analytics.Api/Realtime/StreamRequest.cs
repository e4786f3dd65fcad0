using System.ComponentModel;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Live;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>What a stream subscribes to: the shop (narrowed to the caller's shop), the room within it, and the topics.</summary>
public sealed record StreamRequest(
    [property: Description("Shop room. Shop-bound credentials get their own shop; an admin may name one or leave it out for all shops.")] string? ShopId,
    [property: Description("Comma-separated topics: orders, analytics, inventory, payments, purchasing. Default: all.")] string? Topics,
    [property: Description("Leave out for the shop room, or user:{userId} for the messages aimed at one user of the shop (see docs/realtime.md for who may join).")] string? Room)
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

    /// <summary>The user of a <c>user:{id}</c> room (null for the shop room), or the problem naming <c>room</c>.</summary>
    public (string? UserId, string? Problem) ParseRoom()
    {
        if (string.IsNullOrEmpty(Room))
        {
            return (null, null);
        }
        var userId = Room.StartsWith(LiveRooms.UserPrefix, StringComparison.Ordinal) ? Room[LiveRooms.UserPrefix.Length..] : null;
        return userId is { Length: > 0 and <= ValidationRules.IdLength }
            ? (userId, null)
            : (null, $"must be user:{{userId}} (a user id of 1-{ValidationRules.IdLength} characters), or left out for the shop room");
    }
}
