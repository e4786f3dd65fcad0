using System.Text.Encodings.Web;
using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Core.Auditing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Security.Authentication;

/// <summary>
/// The one authentication scheme: reads an API key or JWT (see <see cref="Credential.Read"/>), and answers
/// 401 (with <c>WWW-Authenticate</c>) and 403 as RFC 9457 problem documents.
/// </summary>
internal sealed class CredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CredentialVerifier verifier, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FoodFast";
    public const string Realm = "realm=\"foodfast\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Credential.Read(Request.Headers) is not { } credential)
        {
            return AuthenticateResult.NoResult();
        }
        var (caller, error) = await verifier.VerifyAsync(credential, Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.Fail(error!)
            : AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", $"ApiKey {Realm}");
        if (verifier.JwtEnabled)
        {
            Response.Headers.Append("WWW-Authenticate", $"Bearer {Realm}");
        }
        var detail = result.Failure?.Message
            ?? $"This endpoint needs a credential: send 'Authorization: ApiKey <key>' or '{Credential.ApiKeyHeader}: <key>'.";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var needed = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredRoleMetadata>()?.Roles ?? [Role.Admin];
        var has = Context.User.ToCaller()?.Roles.Select(r => r.Name()) ?? [];
        var detail = $"This endpoint needs the role {string.Join(" or ", needed.Select(r => r.Name()))}; this credential has {string.Join(", ", has)}.";
        if (Context.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>() is { } audited)
        {
            await AuditedEndpoints.RecordAsync(Context, audited.Action, AuditOutcome.Rejected);
        }
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", detail);
    }

    private Task WriteProblemAsync(int status, string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
}
