using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Reports.Delivery;

/// <summary>
/// <c>GET /api/v1/reports/{id}/download?expires=&amp;signature=</c> without a key: links are signed here with the key the
/// service generated and stored in its database, computed independently (HMAC-SHA256 over "id.expires").
/// </summary>
public sealed class SignedLinkTests(ReportApiFactory factory) : IClassFixture<ReportApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_link_downloads_without_a_key_until_it_expires_and_a_forged_or_altered_one_is_refused()
    {
        using var loader = await factory.LoadedClientAsync();
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");
        var job = await client.CompleteAsync((await client.RequestAsync("sales_summary", "csv")).GetProperty("id").GetString()!);
        var id = Guid.Parse(job.GetProperty("id").GetString()!);
        var file = await client.DownloadAsync(job);
        using var anonymous = await factory.CreateReadyClientAsync();
        var future = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

        // The first link checked makes the service generate its key and keep it in service_secrets.
        var forged = await GetAsync(anonymous, id, future.ToString(CultureInfo.InvariantCulture), new string('0', 64));
        var key = await SigningKeyAsync();
        var valid = Sign(key, id, future);
        using var ok = await anonymous.GetAsync(Link(id, future.ToString(CultureInfo.InvariantCulture), valid), Ct);
        var okBytes = await ok.Content.ReadAsByteArrayAsync(Ct);
        var laterExpiry = await GetAsync(anonymous, id, (future + 1).ToString(CultureInfo.InvariantCulture), valid);
        var otherReport = await GetAsync(anonymous, Guid.NewGuid(), future.ToString(CultureInfo.InvariantCulture), valid);
        var notANumber = await GetAsync(anonymous, id, "soon", valid);
        var past = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeSeconds();
        var expired = await GetAsync(anonymous, id, past.ToString(CultureInfo.InvariantCulture), Sign(key, id, past));
        using var noKeyNoLink = await anonymous.GetAsync(new Uri($"/api/v1/reports/{id}/download", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(file, okBytes);
        Assert.Equal($"\"{job.GetProperty("sha256").GetString()}\"", ok.Headers.ETag?.Tag);
        Assert.Equal(64, key.Length); // 32 random bytes as hex
        foreach (var refused in new[] { forged, laterExpiry, otherReport, notANumber })
        {
            Assert.Equal((403, "signature"), (refused.Status, refused.Field));
        }
        Assert.Equal((410, "expires"), (expired.Status, expired.Field));
        Assert.Equal(HttpStatusCode.Unauthorized, noKeyNoLink.StatusCode);
    }

    private static string Sign(string key, Guid id, long expires) => Convert.ToHexStringLower(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes($"{id:N}.{expires.ToString(CultureInfo.InvariantCulture)}")));

    private static Uri Link(Guid id, string expires, string signature) =>
        new($"/api/v1/reports/{id}/download?expires={Uri.EscapeDataString(expires)}&signature={signature}", UriKind.Relative);

    private static async Task<(int Status, string? Field)> GetAsync(HttpClient client, Guid id, string expires, string signature)
    {
        using var response = await client.GetAsync(Link(id, expires, signature), Ct);
        var problem = await response.AssertProblemAsync(response.StatusCode);
        return ((int)response.StatusCode, problem.TryGetProperty("field", out var field) ? field.GetString() : null);
    }

    private async Task<string> SigningKeyAsync()
    {
        await using var data = factory.Database.OpenDataSource();
        await using var command = data.CreateCommand("select value from service_secrets where name = 'link_signing_key'");
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }
}
