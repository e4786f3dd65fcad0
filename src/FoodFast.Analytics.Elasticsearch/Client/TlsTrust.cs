using System.Diagnostics.CodeAnalysis;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FoodFast.Analytics.Elasticsearch.Client;

/// <summary>
/// How the client trusts the cluster's certificate: the system store (default), a CA certificate file
/// (custom root trust), or a pinned SHA-256 fingerprint of a CA in the chain. Never "accept any".
/// </summary>
public static class TlsTrust
{
    public static SocketsHttpHandler CreateHandler(ElasticsearchOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, options.RequestTimeoutSeconds)),
            AutomaticDecompression = System.Net.DecompressionMethods.GZip,
        };
        if (options.CaCertificatePath.Length > 0)
        {
            var ca = X509CertificateLoader.LoadCertificateFromFile(options.CaCertificatePath);
            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { ca },
                // A private dev CA publishes no revocation list; an online check would always fail.
                RevocationMode = X509RevocationMode.NoCheck,
            };
        }
        else if (options.CaFingerprint.Length > 0)
        {
            TryNormalizeFingerprint(options.CaFingerprint, out var pin);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, chain, errors) => Accepts(pin!, chain, errors);
        }
        return handler;
    }

    /// <summary>
    /// Pinning: a chain that validates is accepted; one whose only fault is an unknown root is accepted when the
    /// pinned CA is part of it. A host-name mismatch is never forgiven.
    /// </summary>
    public static bool Accepts(string pin, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || chain is null)
        {
            return false;
        }
        return chain.ChainElements.Any(e => string.Equals(e.Certificate.GetCertHashString(HashAlgorithmName.SHA256), pin, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Upper-case hex without colons, or false when it is not a SHA-256.</summary>
    public static bool TryNormalizeFingerprint(string fingerprint, [NotNullWhen(true)] out string? normalized)
    {
        var hex = fingerprint.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        normalized = hex.Length == 64 && hex.All(Uri.IsHexDigit) ? hex : null;
        return normalized is not null;
    }
}
