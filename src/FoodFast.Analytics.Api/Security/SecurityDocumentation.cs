using System.Text.Json.Nodes;
using FoodFast.Analytics.Api.Security.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace FoodFast.Analytics.Api.Security;

/// <summary>
/// Tells the OpenAPI document (and so Swagger UI's Authorize button) how to send a key, and marks every operation
/// that needs one: a security requirement, <c>x-required-roles</c>, and its 401/403 answers.
/// </summary>
internal static class SecurityDocumentation
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";
    public const string RolesExtension = "x-required-roles";

    public static OpenApiOptions AddSecurityDocumentation(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            var required = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredRoleMetadata>().LastOrDefault();
            if (required is null)
            {
                return Task.CompletedTask;
            }
            var jwt = context.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.JwtEnabled;
            var document = context.Document!;
            AddSchemes(document, jwt);
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] });
            if (jwt)
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
            }
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[RolesExtension] = new JsonNodeExtension(new JsonArray(required.Roles.Select(r => (JsonNode)r.Name()).ToArray()));
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid credential (problem details)." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"Needs the role {string.Join(" or ", required.Roles.Select(r => r.Name()))} (problem details)." });
            return Task.CompletedTask;
        });

    private static void AddSchemes(OpenApiDocument document, bool jwt)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Credential.ApiKeyHeader,
            Description = "An API key (also accepted as 'Authorization: ApiKey <key>' or 'Authorization: Bearer <key>').",
        });
        if (jwt)
        {
            document.Components.SecuritySchemes.TryAdd(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT from FoodFast's identity service.",
            });
        }
    }
}
