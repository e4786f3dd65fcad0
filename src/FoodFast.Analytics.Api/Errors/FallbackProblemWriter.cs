using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Errors;

/// <summary>
/// The last problem writer: when the client's <c>Accept</c> rules out JSON (an <c>EventSource</c> sends
/// <c>text/event-stream</c>, a browser <c>text/html</c>), the default writer declines and the status would be lost
/// in an empty 500. This one always answers, with plain <c>application/problem+json</c>.
/// </summary>
internal sealed class FallbackProblemWriter(IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        var type = problem is HttpValidationProblemDetails ? typeof(HttpValidationProblemDetails) : problem.GetType();
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, type, json.Value.SerializerOptions,
            "application/problem+json", context.HttpContext.RequestAborted));
    }
}
