using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// Who may join which room. The shop is the credential's (an admin names one, or none for all shops). Analysts and admins
/// may join the shop room or any user room of their shop: they can read all of the shop's events anyway. A caller without
/// the analyst role (an <c>ingest</c> token acting for one user) may join only its own user room, <c>user:{sub}</c> of its
/// JWT, which is also its default; an API key without the analyst role is no user and has no room.
/// </summary>
internal static class StreamRoomAccess
{
    public sealed record Room(string? ShopId, string? UserId);

    /// <summary>The room to join, or the problem: 400 naming <c>room</c> or <c>shopId</c>, 403 naming <c>room</c> (another shop: 403 naming <c>shopId</c>).</summary>
    public static (Room? Room, StreamAnswer? Problem) Decide(StreamRequest request, Caller caller)
    {
        var shop = caller.ResolveShop(request.ShopId);
        var (userId, invalid) = request.ParseRoom();
        if (invalid is not null)
        {
            return (null, FieldProblems.Invalid("room", invalid));
        }
        if (caller.Has(Role.Analyst))
        {
            return userId is not null && shop is null
                ? (null, FieldProblems.Invalid("shopId", "a user room belongs to one shop: name it with ?shopId="))
                : (new Room(shop, userId), null);
        }
        if (caller.JwtSubject is not { } subject)
        {
            return (null, FieldProblems.Invalid("room", "without the analyst role a caller follows only its own user room, room=user:{sub} of its JWT; API keys are not users"));
        }
        return userId is null || userId == subject
            ? (new Room(shop, subject), null)
            : (null, Forbidden($"room: user:{userId} is another user's room; without the analyst role this token may join only user:{subject}"));
    }

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail,
            extensions: new Dictionary<string, object?> { ["field"] = "room" });
}
