using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>
/// Adds <c>/__test/throw</c> behind the application's own pipeline (it runs only when no endpoint matched),
/// so an unhandled exception travels through the real exception handler.
/// </summary>
internal sealed class FaultInjection : IStartupFilter
{
    public const string ThrowPath = "/__test/throw";
    public const string SecretMessage = "secret internal detail";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, RequestDelegate inner) =>
            context.Request.Path == ThrowPath ? throw new InvalidOperationException(SecretMessage) : inner(context));
    };
}
