using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.IntegrationTests.Reports.Delivery;

/// <summary>
/// A real HTTP server (Kestrel) on a loopback port in the test process, recording every POST. It answers by path:
/// <c>/ok</c> 200; <c>/flaky/...</c> 500 to the first call of each delivery (<c>X-FoodFast-Delivery</c>) and 200 after;
/// <c>/down</c> always 503.
/// </summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    private WebhookListener(WebApplication app) => _app = app;

    public ConcurrentQueue<WebhookCall> Calls { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<WebhookListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var listener = new WebhookListener(builder.Build());
        listener._app.MapPost("/{**path}", listener.ReceiveAsync);
        await listener._app.StartAsync();
        listener.BaseUrl = listener._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return listener;
    }

    private async Task<IResult> ReceiveAsync(HttpContext http, string path)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var call = _calls.AddOrUpdate($"{path}|{headers.GetValueOrDefault("X-FoodFast-Delivery")}", 1, (_, n) => n + 1);
        var status = path switch
        {
            "down" => 503,
            _ when path.StartsWith("flaky", StringComparison.Ordinal) && call == 1 => 500,
            _ => 200,
        };
        Calls.Enqueue(new WebhookCall("/" + path, headers, body.ToArray(), status));
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One POST as received, and the status it was answered with.</summary>
public sealed record WebhookCall(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredWith);
