using System.Security.Cryptography;
using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

/// <summary>Real TLS handshakes with a node whose CA is not in the system store: trusted only through our settings.</summary>
public sealed class TlsTrustTests(TlsTrustTests.Node fixture) : IClassFixture<TlsTrustTests.Node>
{
    /// <summary>One node for the class: key generation and Kestrel start-up are the slow part.</summary>
    public sealed class Node : IAsyncLifetime
    {
        public TlsNode Tls { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Tls = await TlsNode.StartAsync("""{"name":"tls-node","cluster_name":"secure","version":{"number":"8.15.3"}}""");

        public ValueTask DisposeAsync() => Tls.DisposeAsync();
    }

    [Fact]
    public async Task Without_ca_settings_an_unknown_ca_is_refused()
    {
        var node = fixture.Tls;

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => Get(new ElasticsearchOptions { Urls = node.Url }));

        Assert.Null(ex.StatusCode);
    }

    [Fact]
    public async Task A_ca_certificate_file_in_pem_is_trusted()
    {
        var node = fixture.Tls;
        var path = Path.Combine(Path.GetTempPath(), $"http_ca-{Guid.NewGuid():N}.crt");
        await File.WriteAllTextAsync(path, node.Root.ExportCertificatePem(), TestContext.Current.CancellationToken);
        try
        {
            var response = await Get(new ElasticsearchOptions { Urls = node.Url, CaCertificatePath = path });

            Assert.Equal(200, response.StatusCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_fingerprint_of_a_ca_the_server_sends_is_trusted_as_openssl_prints_it()
    {
        var node = fixture.Tls;
        var openssl = string.Join(':', node.Intermediate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

        var response = await Get(new ElasticsearchOptions { Urls = node.Url, CaFingerprint = openssl.ToLowerInvariant() });

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Another_fingerprint_is_refused()
    {
        var node = fixture.Tls;

        await Assert.ThrowsAsync<ElasticsearchException>(() => Get(new ElasticsearchOptions { Urls = node.Url, CaFingerprint = new string('A', 64) }));
    }

    [Theory]
    [InlineData("aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99", true)]
    [InlineData("AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899", true)]
    [InlineData("AABBCCDDEEFF00112233445566778899AABBCCDDEEFF0011223344556677889", false)]
    [InlineData("ZZBBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899", false)]
    public void Fingerprints_are_normalised_ignoring_case_and_colons(string input, bool valid)
    {
        Assert.Equal(valid, TlsTrust.TryNormalizeFingerprint(input, out var normalized));
        if (valid)
        {
            Assert.Equal("AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899", normalized);
        }
    }

    private static async Task<EsResponse> Get(ElasticsearchOptions options)
    {
        options.MaxRetries = 0;
        options.RequestTimeoutSeconds = 10;
        var client = TestClients.Create(options);
        return await client.SendAsync(EsRequest.Get("", "info"), TestContext.Current.CancellationToken);
    }
}
