namespace FoodFast.Analytics.Api.Security;

/// <summary>
/// Authorization policy names, one per role. Prefer the one-liners <c>group.RequireRole(Role.Analyst)</c> and
/// <c>group.RequireAnyRole()</c>, which also tell the OpenAPI document and the 403 message which role is needed.
/// Admin passes every role check.
/// </summary>
public static class SecurityPolicies
{
    public const string Ingest = "role:ingest";
    public const string Analyst = "role:analyst";
    public const string Admin = "role:admin";

    /// <summary>Any valid credential, whatever its role (e.g. "who am I").</summary>
    public const string AnyRole = "role:any";

    /// <summary>An analyst (or admin), or anyone presenting a signed link (a <c>signature</c> parameter the handler verifies).</summary>
    public const string AnalystOrSignedLink = "role:analyst-or-signed-link";

    /// <summary>The query parameter that marks a signed-link request.</summary>
    public const string SignatureParameter = "signature";

    public static string For(Role role) => role switch
    {
        Role.Ingest => Ingest,
        Role.Analyst => Analyst,
        Role.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}

/// <summary>The roles any one of which opens an endpoint (admin always does); read by the 403 message and OpenAPI.</summary>
public sealed record RequiredRoleMetadata(IReadOnlyList<Role> Roles);

public static class RequireRoleExtensions
{
    /// <summary>Only callers with <paramref name="role"/> (or admin) reach these endpoints; others get 401/403 problems.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, Role role) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(SecurityPolicies.For(role)).WithMetadata(new RequiredRoleMetadata([role]));

    /// <summary>
    /// Analysts reach these endpoints with a key, and anyone with a <c>signature</c> parameter reaches them without one:
    /// the handler must then verify the signature and answer 403 for a bad one. Without either: 401/403 as for analysts.
    /// </summary>
    public static TBuilder RequireAnalystOrSignedLink<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(SecurityPolicies.AnalystOrSignedLink).WithMetadata(new RequiredRoleMetadata([Role.Analyst]));

    /// <summary>Any authenticated caller reaches these endpoints; anonymous requests get a 401 problem.</summary>
    public static TBuilder RequireAnyRole<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(SecurityPolicies.AnyRole).WithMetadata(new RequiredRoleMetadata(Roles.All));
}
