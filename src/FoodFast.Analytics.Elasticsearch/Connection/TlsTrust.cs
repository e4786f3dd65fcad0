using System.Diagnostics.CodeAnalysis;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Elastic.Clients.Elasticsearch;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// How the client trusts the cluster's certificate: the system store (default), a CA certificate file (the chain must
/// end in that CA), or the SHA-256 fingerprint of a certificate in the server's chain (the client's own
/// <c>CertificateFingerprint</c>). Never "accept any".
/// </summary>
public static class TlsTrust
{
    public static void Apply(ElasticsearchClientSettings settings, ElasticsearchOptions options)
    {
        if (options.CaCertificatePath.Length > 0)
        {
            var ca = X509CertificateLoader.LoadCertificateFromFile(options.CaCertificatePath);
            settings.ServerCertificateValidationCallback((_, certificate, sent, errors) => ChainsTo(ca, certificate, sent, errors));
        }
        else if (TryNormalizeFingerprint(options.CaFingerprint, out var pin))
        {
            settings.CertificateFingerprint(pin);
        }
    }

    /// <summary>
    /// The server's certificate must chain to <paramref name="ca"/> alone (custom root trust, not the system store);
    /// a host-name mismatch is never forgiven.
    /// </summary>
    public static bool ChainsTo(X509Certificate2 ca, X509Certificate? certificate, X509Chain? sent, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        // The intermediates the server sent: only the root has to come from the file.
        foreach (var element in sent?.ChainElements.Select(e => e.Certificate) ?? [])
        {
            chain.ChainPolicy.ExtraStore.Add(element);
        }
        // A private dev CA publishes no revocation list; an online check would always fail.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    /// <summary>Upper-case hex without colons, or false when it is not a SHA-256.</summary>
    public static bool TryNormalizeFingerprint(string fingerprint, [NotNullWhen(true)] out string? normalized)
    {
        var hex = fingerprint.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        normalized = hex.Length == 64 && hex.All(Uri.IsHexDigit) ? hex : null;
        return normalized is not null;
    }
}
