using FoodFast.Analytics.Elasticsearch;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

public sealed class OptionsValidationTests
{
    private static List<string> Errors(ElasticsearchOptions options) =>
        new ElasticsearchOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Defaults_with_one_url_are_valid()
    {
        Assert.Empty(Errors(new ElasticsearchOptions { Urls = "http://localhost:9200, https://es2:9200" }));
    }

    [Fact]
    public void Neither_urls_nor_cloud_id_names_both_keys_and_the_env_var()
    {
        Assert.Equal(["Storage:Elasticsearch:Urls (env ELASTICSEARCH_URL, e.g. http://localhost:9200) or Storage:Elasticsearch:CloudId is required"],
            Errors(new ElasticsearchOptions()));
    }

    [Fact]
    public void Urls_and_cloud_id_together_are_refused()
    {
        Assert.Equal(["Storage:Elasticsearch:Urls and Storage:Elasticsearch:CloudId are both set: set exactly one"],
            Errors(new ElasticsearchOptions { Urls = "http://es:9200", CloudId = "demo:dXMtY2VudHJhbDEuZ2NwLmNsb3VkLmVzLmlvOjQ0MyRhYmMxMjMkZGVmNDU2" }));
    }

    [Theory]
    [InlineData("es:9200", "Storage:Elasticsearch:Urls has 'es:9200', which is not an absolute http:// or https:// URL")]
    [InlineData("ftp://es:21", "Storage:Elasticsearch:Urls has 'ftp://es:21', which is not an absolute http:// or https:// URL")]
    [InlineData("https://elastic:changeme@es:9200", "Storage:Elasticsearch:Urls must not carry credentials; use Storage:Elasticsearch:Username/Password or Storage:Elasticsearch:ApiKey")]
    [InlineData("http://es:9200/?pretty", "Storage:Elasticsearch:Urls has 'http://es:9200/?pretty' with a query or fragment; give scheme, host, port and optional path only")]
    public void Bad_urls_are_named(string url, string message)
    {
        Assert.Equal([message], Errors(new ElasticsearchOptions { Urls = url }));
    }

    [Fact]
    public void A_bad_cloud_id_says_why()
    {
        Assert.Equal(["Storage:Elasticsearch:CloudId is invalid: The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters."],
            Errors(new ElasticsearchOptions { CloudId = "demo:***", ApiKey = "a2V5" }));
        Assert.Equal(["Storage:Elasticsearch:CloudId needs credentials: set Storage:Elasticsearch:ApiKey (or Storage:Elasticsearch:Username/Password)"],
            Errors(new ElasticsearchOptions { CloudId = "demo:dXMtY2VudHJhbDEuZ2NwLmNsb3VkLmVzLmlvOjQ0MyRhYmMxMjMkZGVmNDU2" }));
    }

    [Fact]
    public void Credentials_must_be_complete_and_not_mixed()
    {
        Assert.Equal(["Storage:Elasticsearch:Username and Storage:Elasticsearch:Password must be set together"],
            Errors(new ElasticsearchOptions { Urls = "http://es:9200", Username = "elastic" }));
        Assert.Equal(["Storage:Elasticsearch:ApiKey and Storage:Elasticsearch:Username/Password are both set: use one way to authenticate"],
            Errors(new ElasticsearchOptions { Urls = "http://es:9200", Username = "elastic", Password = "pw", ApiKey = "a2V5" }));
    }

    [Fact]
    public void Tls_settings_are_checked()
    {
        Assert.Equal(["Storage:Elasticsearch:CaFingerprint must be a SHA-256 in hex: 64 hex digits, colons allowed (openssl x509 -fingerprint -sha256)"],
            Errors(new ElasticsearchOptions { Urls = "https://es:9200", CaFingerprint = "AB:CD" }));
        Assert.Equal(["Storage:Elasticsearch:CaCertificatePath '/nonexistent/http_ca.crt' does not exist"],
            Errors(new ElasticsearchOptions { Urls = "https://es:9200", CaCertificatePath = "/nonexistent/http_ca.crt" }));
    }

    [Fact]
    public void Numbers_out_of_range_list_the_valid_range()
    {
        var errors = Errors(new ElasticsearchOptions { Urls = "http://es:9200", BulkMaxBytes = 1000, BulkConcurrency = 0, MaxRetries = 11, Replicas = -1 });

        Assert.Equal(
        [
            "Storage:Elasticsearch:MaxRetries is 11; valid values are 0 to 10",
            "Storage:Elasticsearch:BulkMaxBytes is 1000; valid values are 65536 to 104857600",
            "Storage:Elasticsearch:BulkConcurrency is 0; valid values are 1 to 16",
            "Storage:Elasticsearch:Replicas is -1; valid values are 0 to 10",
        ], errors);
    }

    [Fact]
    public void The_retired_RetentionDays_fails_start_up_naming_Retention_EventsDays()
    {
        Assert.Equal(
            ["Storage:Elasticsearch:RetentionDays (30) is retired: set Retention:EventsDays instead (env Retention__EventsDays), which now drives the events lifecycle policy on Elasticsearch and the retention job on Postgres"],
            Errors(new ElasticsearchOptions { Urls = "http://es:9200", RetentionDays = 30 }));
    }

    [Theory]
    [InlineData("FF")]
    [InlineData("-ff")]
    [InlineData("ff*")]
    [InlineData("")]
    public void A_bad_index_prefix_is_refused(string prefix)
    {
        var error = Assert.Single(Errors(new ElasticsearchOptions { Urls = "http://es:9200", IndexPrefix = prefix }));

        Assert.Equal($"Storage:Elasticsearch:IndexPrefix '{prefix}' is invalid: 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit", error);
    }
}
