using Microsoft.AspNetCore.Http.Features;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// Put in front of the WebSocket middleware on the stream endpoints: when the middleware upgrades the connection
/// (HTTP/1.1), the stream it gets is a <see cref="WebSocketTransportStream"/> the session can batch frames into.
/// An HTTP/2 WebSocket (extended CONNECT) does not pass here and is sent one message at a time.
/// </summary>
internal sealed class WebSocketTransportUpgrade(IHttpUpgradeFeature inner) : IHttpUpgradeFeature
{
    public WebSocketTransportStream? Transport { get; private set; }

    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync() => Transport = new WebSocketTransportStream(await inner.UpgradeAsync());

    public static IApplicationBuilder Use(IApplicationBuilder app, PathString under) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(under) && context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
        {
            var wrapped = new WebSocketTransportUpgrade(upgrade);
            context.Features.Set<IHttpUpgradeFeature>(wrapped);
            context.Features.Set(wrapped);
        }
        return next(context);
    });
}
