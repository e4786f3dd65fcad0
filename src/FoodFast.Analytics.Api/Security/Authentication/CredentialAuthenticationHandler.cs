using System.Text.Encodings.Web;
using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Api.Security.RateLimiting;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Auditing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Security.Authentication;

/// <summary>
/// The one authentication scheme: reads an API key or JWT (see <see cref="Credential.Read"/>), and answers
/// 401 (with <c>WWW-Authenticate</c>) and 403 as RFC 9457 problem documents. A client IP that keeps sending refused
/// credentials gets 429 instead (see <see cref="FailedCredentialLimiter"/>).
/// </summary>
internal sealed class CredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CredentialVerifier verifier, FailedCredentialLimiter limiter, FoodFastMetrics metrics, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FoodFast";
    public const string Realm = "realm=\"foodfast\"";
    private const string ThrottledKey = "ff:credential-throttled";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Credential.Read(Request.Headers) is not { } credential)
        {
            return AuthenticateResult.NoResult();
        }
        var address = Context.Connection.RemoteIpAddress;
        if (limiter.RetryAfter(address, credential.Value) is { } wait)
        {
            Context.Items[ThrottledKey] = wait;
            return AuthenticateResult.Fail("Too many refused credentials from this address.");
        }
        var (caller, error) = await verifier.VerifyAsync(credential, Context.RequestAborted);
        if (caller is null)
        {
            limiter.Failed(address);
            metrics.CredentialRefused();
        }
        else
        {
            limiter.Succeeded(address, credential.Value);
        }
        return caller is null
            ? AuthenticateResult.Fail(error!)
            : AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (Context.Items[ThrottledKey] is TimeSpan wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too Many Requests",
                $"Too many refused credentials came from this address; retry after {seconds} s.");
            return;
        }
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
