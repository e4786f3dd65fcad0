namespace FoodFast.Analytics.Api.Observability;

/// <summary>
/// The id that ties a request's log lines, its problem details and the caller's own logs together: the caller's
/// <c>X-Request-Id</c> when it is 1-64 characters of letters, digits and <c>-_.:</c> (anything else could forge or
/// break log lines), otherwise a new one. It becomes <see cref="HttpContext.TraceIdentifier"/>.
/// </summary>
public static class RequestId
{
    public const string Header = "X-Request-Id";
    public const int MaxLength = 64;

    public static string Choose(string? presented) => IsAcceptable(presented) ? presented! : Guid.NewGuid().ToString("N");

    public static bool IsAcceptable(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
