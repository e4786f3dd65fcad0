using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>
/// A 200 whose body is a <typeparamref name="T"/> already written as JSON (a cached answer is sent as the cache holds
/// it, never parsed). Declares <typeparamref name="T"/> as the 200 response, so the OpenAPI document reads the handler's signature.
/// </summary>
public sealed class CachedJson<T>(ReadOnlyMemory<byte> json) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Bytes(json, JsonContentType).ExecuteAsync(httpContext);

    [SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider declares it static: routing reads it from the handler's return type.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
