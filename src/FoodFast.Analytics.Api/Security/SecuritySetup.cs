using FoodFast.Analytics.Api.Health;
using FoodFast.Analytics.Api.Security.ApiKeys;
using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Api.Security.Authentication;
using FoodFast.Analytics.Api.Security.Jwt;
using FoodFast.Analytics.Api.Security.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Security;

/// <summary>Wires authentication (API keys, optional JWT), role policies, rate limits, the first admin key and the security APIs.</summary>
internal static class SecuritySetup
{
    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ApiKeyLookup>();
        services.AddSingleton<FailedCredentialLimiter>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SecurityOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return new CredentialVerifier(sp.GetRequiredService<ApiKeyLookup>(), time,
                options.JwtEnabled ? new JwtValidator(options.Jwt!, time) : null);
        });
        services.AddAuthentication(CredentialAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CredentialAuthenticationHandler>(CredentialAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
        {
            // Admin passes every role check.
            authorization.AddPolicy(SecurityPolicies.For(role), p => p.RequireAuthenticatedUser().RequireRole(role.Name(), Role.Admin.Name()));
        }
        authorization.AddPolicy(SecurityPolicies.AnyRole, p => p.RequireAuthenticatedUser());
        authorization.AddPolicy(SecurityPolicies.AnalystOrSignedLink, p => p.RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true && (context.User.IsInRole(Role.Analyst.Name()) || context.User.IsInRole(Role.Admin.Name()))
            || context.Resource is HttpContext http && http.Request.Query.ContainsKey(SecurityPolicies.SignatureParameter)));
        services.AddExceptionHandler<ShopAccessDeniedHandler>();
        services.AddCallerRateLimits();
        services.Configure<OpenApiOptions>("v1", options => options.AddSecurityDocumentation());

        services.AddSingleton<AdminKeyBootstrapper>();
        services.AddHostedService(sp => sp.GetRequiredService<AdminKeyBootstrapper>());
        services.AddHealthChecks().AddCheck<AdminKeyBootstrapper>("api_keys", HealthStatus.Unhealthy, [HealthApi.ReadyTag]);
        return services;
    }

    /// <summary>After routing, before the endpoints: who is calling, may they, and have they budget left.</summary>
    public static void UseSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    public static void MapSecurityApis(this IEndpointRouteBuilder app)
    {
        app.MapCallerApi();
        app.MapApiKeysApi();
        app.MapAuditApi();
    }
}
