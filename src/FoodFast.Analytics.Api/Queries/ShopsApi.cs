using FoodFast.Analytics.Core.Queries.Families;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Queries;

/// <summary><c>GET /api/v1/shops</c>: the shops the caller may read, and what the store holds of each.</summary>
internal static class ShopsApi
{
    public static void MapShopsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/shops", List).WithName("GetShops").WithTags("Analytics")
            .WithSummary("The shops the caller may read (admins: every shop with an order, or the one named; others: their own shop), each with its first and last order time, order count, currencies and time zone.")
            .ProducesValidationProblem();

    /// <param name="selection">Already narrowed to the caller's shop by the group's filter: null only for an admin asking for all.</param>
    public static async Task<Ok<ShopList>> List([AsParameters] ShopSelection selection, FamilyEngine families, IOptions<ShopsOptions> options, CancellationToken ct)
    {
        var found = await families.ShopsAsync(selection.ShopId, ct);
        // The zone is the service's configuration, not the store's: added here, after the (cached) store answer.
        ShopEntry Entry(string shopId, bool hasData, DateTimeOffset? first, DateTimeOffset? last, long orders, IReadOnlyList<string> currencies)
        {
            var (zone, source) = options.Value.ZoneOf(shopId);
            return new ShopEntry(shopId, hasData, first, last, orders, currencies, zone, source);
        }
        // A named shop is listed even before its first order: said plainly instead of an empty list.
        var shops = selection.ShopId is { } named && found.Count == 0
            ? [Entry(named, hasData: false, null, null, 0, [])]
            : found.Select(s => Entry(s.ShopId, hasData: true, s.FirstOrderAt, s.LastOrderAt, s.Orders, s.Currencies)).ToList();
        return TypedResults.Ok(new ShopList(shops));
    }
}

public sealed record ShopList(IReadOnlyList<ShopEntry> Shops);

/// <param name="HasData">False for a shop with no order yet (its times are then absent).</param>
/// <param name="FirstOrderAt">When its first order was placed (UTC).</param>
/// <param name="LastOrderAt">When its last order was placed (UTC).</param>
/// <param name="Orders">Orders stored, every status.</param>
/// <param name="Currencies">The currencies of its orders, sorted.</param>
/// <param name="TimeZone">The shop's IANA time zone: its <c>Shops:TimeZones:&lt;shopId&gt;</c> setting, else <c>Shops:DefaultTimeZone</c> (UTC unless set).</param>
/// <param name="TimeZoneSource">Which of the two it is: <c>setting</c> or <c>default</c>.</param>
public sealed record ShopEntry(string ShopId, bool HasData, DateTimeOffset? FirstOrderAt, DateTimeOffset? LastOrderAt, long Orders, IReadOnlyList<string> Currencies,
    string TimeZone, ShopTimeZoneSource TimeZoneSource);
