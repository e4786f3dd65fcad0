using System.Text.RegularExpressions;
using FoodFast.Analytics.Elasticsearch.Connection;
using Elastic.Transport;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Elasticsearch;

/// <summary>Checks <see cref="ElasticsearchOptions"/> at start-up; every message names the key and what is valid.</summary>
public sealed partial class ElasticsearchOptionsValidator : IValidateOptions<ElasticsearchOptions>
{
    private const string P = ElasticsearchOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, ElasticsearchOptions options)
    {
        var errors = new List<string>();
        CheckNodes(options, errors);
        CheckCredentials(options, errors);
        CheckTls(options, errors);
        if (!PrefixPattern().IsMatch(options.IndexPrefix))
        {
            errors.Add($"{P}IndexPrefix '{options.IndexPrefix}' is invalid: 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit");
        }
        Range(errors, "RequestTimeoutSeconds", options.RequestTimeoutSeconds, 1, 600);
        Range(errors, "MaxRetries", options.MaxRetries, 0, 10);
        Range(errors, "BulkMaxBytes", options.BulkMaxBytes, 64 * 1024, 100 * 1024 * 1024);
        Range(errors, "BulkConcurrency", options.BulkConcurrency, 1, 16);
        Range(errors, "Shards", options.Shards, 1, 64);
        if (options.Replicas is { } replicas)
        {
            Range(errors, "Replicas", replicas, 0, 10);
        }
        if (options.RetentionDays is { } days)
        {
            errors.Add($"{P}RetentionDays ({days}) is retired: set Retention:EventsDays instead (env Retention__EventsDays), which now drives the events lifecycle policy on Elasticsearch and the retention job on Postgres");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckNodes(ElasticsearchOptions options, List<string> errors)
    {
        var hasUrls = !string.IsNullOrWhiteSpace(options.Urls);
        var hasCloud = !string.IsNullOrWhiteSpace(options.CloudId);
        if (hasUrls == hasCloud)
        {
            errors.Add(hasUrls
                ? $"{P}Urls and {P}CloudId are both set: set exactly one"
                : $"{P}Urls (env ELASTICSEARCH_URL, e.g. http://localhost:9200) or {P}CloudId is required");
            return;
        }
        if (hasCloud)
        {
            if (CloudIdError(options.CloudId) is { } error)
            {
                errors.Add($"{P}CloudId is invalid: {error}");
            }
            if (options.ApiKey.Length == 0 && options.Username.Length == 0)
            {
                errors.Add($"{P}CloudId needs credentials: set {P}ApiKey (or {P}Username/Password)");
            }
            return;
        }
        foreach (var url in ClientSettingsFactory.SplitUrls(options.Urls))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{P}Urls has '{url}', which is not an absolute http:// or https:// URL");
            }
            else if (uri.UserInfo.Length > 0)
            {
                errors.Add($"{P}Urls must not carry credentials; use {P}Username/Password or {P}ApiKey");
            }
            else if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                errors.Add($"{P}Urls has '{url}' with a query or fragment; give scheme, host, port and optional path only");
            }
        }
    }

    /// <summary>Decoded by the client's own <see cref="CloudNodePool"/>; its message says what is wrong.</summary>
    private static string? CloudIdError(string cloudId)
    {
        try
        {
            _ = new CloudNodePool(cloudId, new ApiKey("validation-only"));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return ex.Message;
        }
    }

    private static void CheckCredentials(ElasticsearchOptions options, List<string> errors)
    {
        var hasUser = options.Username.Length > 0;
        var hasPassword = options.Password.Length > 0;
        if (hasUser != hasPassword)
        {
            errors.Add($"{P}Username and {P}Password must be set together");
        }
        if (options.ApiKey.Length > 0 && (hasUser || hasPassword))
        {
            errors.Add($"{P}ApiKey and {P}Username/Password are both set: use one way to authenticate");
        }
    }

    private static void CheckTls(ElasticsearchOptions options, List<string> errors)
    {
        if (options.CaCertificatePath.Length > 0 && options.CaFingerprint.Length > 0)
        {
            errors.Add($"{P}CaCertificatePath and {P}CaFingerprint are both set: use one");
        }
        if (options.CaCertificatePath.Length > 0 && !File.Exists(options.CaCertificatePath))
        {
            errors.Add($"{P}CaCertificatePath '{options.CaCertificatePath}' does not exist");
        }
        if (options.CaFingerprint.Length > 0 && !TlsTrust.TryNormalizeFingerprint(options.CaFingerprint, out _))
        {
            errors.Add($"{P}CaFingerprint must be a SHA-256 in hex: 64 hex digits, colons allowed (openssl x509 -fingerprint -sha256)");
        }
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{P}{key} is {value}; valid values are {min} to {max}");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex PrefixPattern();
}
