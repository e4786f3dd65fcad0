using System.Net.Sockets;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>
/// The API on real Kestrel sockets (WebSockets, SSE and a browser need real connections, and a slow reader needs
/// real TCP back-pressure). Accepted sockets get a small send buffer, so a client that stops reading fills it fast.
/// </summary>
public class LiveApiFactory : ApiFactory
{
    public const int QueueCapacity = 32;

    public LiveApiFactory() => UseKestrel(0);

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    public Uri StreamUri(string query = "") =>
        new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/api/v1/stream", Query = query }.Uri;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Live:ClientQueueCapacity"] = QueueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Live:CloseGraceSeconds"] = "20";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<SocketTransportOptions>(sockets => sockets.CreateBoundListenSocket = endpoint =>
        {
            var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
            socket.SendBufferSize = 4096;
            return socket;
        }));
    }
}

/// <summary>A second replica: same database, same Redis prefix (so the same pub/sub channels), its own process state.</summary>
public sealed class LiveSecondInstance(LiveApiFactory first) : LiveApiFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Postgres:ConnectionString"] = first.Database.ConnectionString;
        settings["Security:AdminApiKey"] = first.AdminKey;
        settings["Redis:KeyPrefix"] = first.RedisPrefix;
    }

    public override ValueTask InitializeAsync() => ValueTask.CompletedTask;
}
