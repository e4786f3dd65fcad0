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

    /// <summary>Any authenticated caller reaches these endpoints; anonymous requests get a 401 problem.</summary>
    public static TBuilder RequireAnyRole<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(SecurityPolicies.AnyRole).WithMetadata(new RequiredRoleMetadata(Roles.All));
}
