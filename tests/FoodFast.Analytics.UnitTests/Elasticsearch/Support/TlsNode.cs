using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>
/// An HTTPS node on 127.0.0.1 whose certificate comes from a CA made up for the test (as ES 8 does with its
/// generated <c>http_ca.crt</c>): root, then an intermediate CA the server sends with its certificate (.NET servers never
/// send the root itself), then the server certificate. It answers <c>GET /</c>.
/// </summary>
public sealed class TlsNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TlsNode(WebApplication app, X509Certificate2 root, X509Certificate2 intermediate, string url)
    {
        _app = app;
        Root = root;
        Intermediate = intermediate;
        Url = url;
    }

    public X509Certificate2 Root { get; }

    /// <summary>The CA the server sends in its chain.</summary>
    public X509Certificate2 Intermediate { get; }

    public string Url { get; }

    public static async Task<TlsNode> StartAsync(string info)
    {
        var (root, intermediate, server) = Certificates();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            listen.UseHttps(https =>
            {
                https.ServerCertificate = server;
                https.ServerCertificateChain = [intermediate];
            })));
        var app = builder.Build();
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
            return Results.Text(info, "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TlsNode(app, root, intermediate, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    private static (X509Certificate2 Root, X509Certificate2 Intermediate, X509Certificate2 Server) Certificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = RSA.Create(2048);
        var root = CaRequest("CN=FoodFast Test Root CA", rootKey).CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        using var intermediateKey = RSA.Create(2048);
        using var intermediateSigned = CaRequest("CN=FoodFast Test Intermediate CA", intermediateKey).Create(root, now.AddHours(-2), now.AddHours(20), RandomNumberGenerator.GetBytes(8));
        using var intermediate = intermediateSigned.CopyWithPrivateKey(intermediateKey);

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var signed = serverRequest.Create(intermediate, now.AddHours(-1), now.AddHours(12), RandomNumberGenerator.GetBytes(8));
        var server = signed.CopyWithPrivateKey(serverKey);
        return (X509CertificateLoader.LoadCertificate(root.RawData), X509CertificateLoader.LoadCertificate(intermediate.RawData), server);
    }

    private static CertificateRequest CaRequest(string subject, RSA key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
