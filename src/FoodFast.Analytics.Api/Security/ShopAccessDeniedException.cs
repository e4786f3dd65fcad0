using Microsoft.AspNetCore.Diagnostics;

namespace FoodFast.Analytics.Api.Security;

/// <summary>A shop-bound caller asked for another shop (thrown by <see cref="Caller.ResolveShop"/>).</summary>
public sealed class ShopAccessDeniedException(string requestedShopId, string callerShopId)
    : Exception($"shopId '{requestedShopId}' is outside this credential's shop '{callerShopId}'.")
{
    public string RequestedShopId { get; } = requestedShopId;
}

/// <summary>Turns <see cref="ShopAccessDeniedException"/> into a 403 problem naming the <c>shopId</c> field.</summary>
internal sealed class ShopAccessDeniedHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ShopAccessDeniedException denied)
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = denied.Message,
                Extensions = { ["field"] = "shopId" },
            },
        });
    }
}
