using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace FoodFast.Analytics.Api.Errors;

/// <summary>
/// The 503 problem naming the dependency that is down (<see cref="DependencyOutageHandler"/>), as a typed result: a
/// handler that returns it in its <c>Results&lt;...&gt;</c> documents its 503 from the signature.
/// </summary>
public sealed class DependencyUnavailable(string dependency, string detail) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext) => httpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
        .WriteAsync(DependencyOutageHandler.Unavailable(httpContext, dependency, detail)).AsTask();

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(ProblemDetails), ["application/problem+json"]));
}
