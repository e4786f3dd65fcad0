using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace FoodFast.Analytics.Api.Errors;

/// <summary>
/// Every request the service cannot read (<see cref="BadHttpRequestException"/>: a query parameter that does not bind,
/// a JSON body that does not convert, a missing required input, a body too large) becomes a problem naming the input,
/// what was received and what is expected. These are the caller's mistakes: logged at Information, never as
/// unhandled exceptions.
/// </summary>
internal sealed partial class ClientErrorHandler(IProblemDetailsService problems, ILogger<ClientErrorHandler> logger) : IExceptionHandler
{
    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ ]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ ]+)\" was not provided from (?<source>.+)\\.$")]
    private static partial Regex Missing();

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var problem = bad switch
        {
            FieldRequestException field => FieldProblems.For(field),
            { InnerException: JsonException json } => FieldProblems.For(await JsonBodyErrors.DescribeAsync(httpContext, json), "Invalid body"),
            _ when BindFailed().Match(bad.Message) is { Success: true } m => FieldProblems.For(new FieldRequestException(
                QueryName(httpContext, m.Groups["name"].Value), $"must be {ExpectedValues.Describe(m.Groups["type"].Value)}, got '{FieldProblems.Shown(m.Groups["value"].Value)}'",
                FieldProblems.Shown(m.Groups["value"].Value), ExpectedValues.Describe(m.Groups["type"].Value))),
            _ when Missing().Match(bad.Message) is { Success: true } m => FieldProblems.For(new FieldRequestException(
                m.Groups["source"].Value == "body" ? "$" : QueryName(httpContext, m.Groups["name"].Value),
                m.Groups["source"].Value == "body" ? "a JSON body is required" : "is required", expected: ExpectedValues.Describe(m.Groups["type"].Value))),
            _ => new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = bad.StatusCode, Title = Title(bad.StatusCode), Detail = bad.Message },
        };
        logger.LogInformation("Refused {Method} {Path}: {Status} {Detail}", httpContext.Request.Method, httpContext.Request.Path, problem.Status, problem.Detail);
        httpContext.Response.StatusCode = problem.Status ?? bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The parameter as the caller spelled it (binding ignores case), else its camelCase name.</summary>
    private static string QueryName(HttpContext http, string name) =>
        http.Request.Query.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
        ?? http.Request.RouteValues.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
        ?? JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Payload too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };
}
