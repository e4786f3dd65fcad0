using System.Security.Claims;

namespace FoodFast.Analytics.Api.Security;

/// <summary>
/// Who is calling, as proven by an API key or a JWT. Handlers take it as a parameter (<c>Caller caller</c>)
/// or call <see cref="CallerExtensions.GetCaller"/>; it is the one place that decides which shop a request may see.
/// </summary>
/// <param name="Id">Stable id for rate limits and the audit log: <c>key:&lt;uuid&gt;</c> or <c>jwt:&lt;sub&gt;</c>.</param>
/// <param name="KeyId">The API key, when the caller used one.</param>
/// <param name="Roles">What the caller may do.</param>
/// <param name="ShopId">The one shop the caller may see; null means all shops (admin only).</param>
public sealed record Caller(string Id, Guid? KeyId, IReadOnlySet<Role> Roles, string? ShopId)
{
    /// <summary>Prefix of a JWT caller's <see cref="Id"/>: <c>jwt:</c> + the token's <c>sub</c>.</summary>
    public const string JwtIdPrefix = "jwt:";

    public bool IsAdmin => Roles.Contains(Role.Admin);

    /// <summary>The JWT's <c>sub</c> (the user the token speaks for); null for an API key, which is not a user.</summary>
    public string? JwtSubject => Id.StartsWith(JwtIdPrefix, StringComparison.Ordinal) ? Id[JwtIdPrefix.Length..] : null;

    /// <summary>Admin passes every role check.</summary>
    public bool Has(Role role) => IsAdmin || Roles.Contains(role);

    /// <summary>
    /// The shop a request works on: the requested one narrows, never widens. A shop-bound caller gets its own shop
    /// (when none or its own is requested) or a 403 problem naming <c>shopId</c>; an all-shops caller gets the
    /// requested shop, or null meaning all shops.
    /// </summary>
    public string? ResolveShop(string? requestedShopId)
    {
        var requested = string.IsNullOrWhiteSpace(requestedShopId) ? null : requestedShopId;
        if (ShopId is null || requested is null || requested == ShopId)
        {
            return ShopId ?? requested;
        }
        throw new ShopAccessDeniedException(requested, ShopId);
    }

    /// <summary>Minimal-API binding: a <c>Caller</c> parameter is the authenticated caller.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult(context.User.ToCaller());
}

public static class CallerExtensions
{
    /// <summary>The authenticated caller; throws when the endpoint was mapped without a role (a programming error).</summary>
    public static Caller GetCaller(this HttpContext context) =>
        context.User.ToCaller() ?? throw new InvalidOperationException(
            $"{context.Request.Path} has no authenticated caller: map it with RequireRole(...)");

    internal static Caller? ToCaller(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(CallerClaims.Id) is not { } id)
        {
            return null;
        }
        var roles = Security.Roles.ParseKnown(user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        var keyId = Guid.TryParse(user.FindFirstValue(CallerClaims.KeyId), out var k) ? k : (Guid?)null;
        return new Caller(id, keyId, roles, user.FindFirstValue(CallerClaims.ShopId));
    }

    internal static ClaimsPrincipal ToPrincipal(this Caller caller, string scheme)
    {
        var claims = new List<Claim> { new(CallerClaims.Id, caller.Id) };
        if (caller.KeyId is { } keyId)
        {
            claims.Add(new Claim(CallerClaims.KeyId, keyId.ToString()));
        }
        if (caller.ShopId is { } shopId)
        {
            claims.Add(new Claim(CallerClaims.ShopId, shopId));
        }
        claims.AddRange(caller.Roles.Select(r => new Claim(ClaimTypes.Role, r.Name())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, CallerClaims.Id, ClaimTypes.Role));
    }
}

internal static class CallerClaims
{
    public const string Id = "ff:caller";
    public const string KeyId = "ff:key_id";
    public const string ShopId = "shop_id";
}
