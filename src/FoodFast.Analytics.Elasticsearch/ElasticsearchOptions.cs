namespace FoodFast.Analytics.Elasticsearch;

/// <summary>Settings of the Elasticsearch analytics backend (<c>Storage:Elasticsearch</c>); see docs/elasticsearch.md.</summary>
public sealed class ElasticsearchOptions
{
    public const string Section = "Storage:Elasticsearch";

    /// <summary>Comma-separated node URLs (<c>https://es1:9200,https://es2:9200</c>), used round-robin with failover. Set this or <see cref="CloudId"/>.</summary>
    public string Urls { get; set; } = "";

    /// <summary>Elastic Cloud deployment id (<c>label:base64</c>); replaces <see cref="Urls"/>.</summary>
    public string CloudId { get; set; } = "";

    /// <summary>The <c>encoded</c> value of <c>POST /_security/api_key</c>, sent as <c>Authorization: ApiKey ...</c>.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Basic authentication; set together with <see cref="Password"/>, never with <see cref="ApiKey"/>.</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>PEM or DER file of the CA that signed the cluster's certificate (ES 8's <c>config/certs/http_ca.crt</c>).</summary>
    public string CaCertificatePath { get; set; } = "";

    /// <summary>SHA-256 of the CA certificate's DER bytes, hex, colons optional: accepted when it appears in the server's chain.</summary>
    public string CaFingerprint { get; set; } = "";

    /// <summary>Prefix of every index, template, policy and data stream (<c>ff</c>), so environments can share a cluster.</summary>
    public string IndexPrefix { get; set; } = "ff";

    /// <summary>Per attempt, in seconds (default 30).</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of 429/502/503/504 and connection failures, with exponential backoff and jitter (default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Upper bound of one <c>_bulk</c> body in bytes (default 5 MB).</summary>
    public int BulkMaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How many <c>_bulk</c> requests one batch may have in flight (default 2).</summary>
    public int BulkConcurrency { get; set; } = 2;

    /// <summary>Primary shards per index (default 1).</summary>
    public int Shards { get; set; } = 1;

    /// <summary>Replicas per shard; unset (default) means <c>auto_expand_replicas: 0-1</c>: green on one node, one replica on several.</summary>
    public int? Replicas { get; set; }

    /// <summary>Retired: events retention is <c>Retention:EventsDays</c> on both backends. Start-up fails while it is set, so an old value is never silently ignored.</summary>
    public int? RetentionDays { get; set; }
}
