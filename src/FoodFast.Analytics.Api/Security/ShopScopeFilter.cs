using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.Api.Security;

/// <summary>
/// The one place where a read's shop is decided: every <see cref="Window"/>, <see cref="ShopSelection"/> and
/// <see cref="AnalyticsQuery"/> argument is narrowed to the caller's shop before the handler runs. A shop-bound
/// caller naming another shop gets a 403; an admin naming none reads all shops. A <see cref="Window"/> is checked here
/// too, so its problems name the parameters the caller sent (<c>tz</c>, <c>days</c>), not the query model's fields.
/// </summary>
internal sealed class ShopScopeFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = context.HttpContext.GetCaller();
        string? Resolve(string? shopId) => shopId is null || Patterns.IsShopId(shopId)
            ? caller.ResolveShop(shopId)
            : throw new FieldRequestException("shopId", $"must be {Patterns.ShopIdExpected}", FieldProblems.Shown(shopId), Patterns.ShopIdExpected);
        if (context.Arguments.OfType<Window>().SelectMany(w => w.Problems()).ToList() is { Count: > 0 } problems)
        {
            return ValueTask.FromResult<object?>(FieldProblems.Invalid(problems, FieldProblems.InvalidQuery));
        }
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            context.Arguments[i] = context.Arguments[i] switch
            {
                Window window => window with { ShopId = Resolve(window.ShopId) },
                ShopSelection selection => selection with { ShopId = Resolve(selection.ShopId) },
                AnalyticsQuery query => query with { ShopId = Resolve(query.ShopId) },
                var other => other,
            };
        }
        return next(context);
    }
}

public static class ShopScopeExtensions
{
    /// <summary>Narrows every read of the group to the caller's shop (see <see cref="ShopScopeFilter"/>).</summary>
    public static TBuilder ScopedToCallerShop<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ShopScopeFilter>();
}
