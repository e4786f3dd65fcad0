using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Elasticsearch.Client;

/// <summary>
/// The one door to the cluster: picks a node round-robin, sends plain <c>application/json</c> (ES 8, ES 9 and OpenSearch
/// all accept it, see the wire-format notes §1.1), applies the per-attempt timeout, and retries 429/502/503/504 and
/// connection failures with backoff, moving on to the next node. Other failures become <see cref="ElasticsearchException"/>.
/// Credentials live only in the Authorization header, which is never logged.
/// </summary>
public sealed class ElasticsearchClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly NodePool _pool;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly TimeSpan _timeout;
    private readonly int _maxRetries;
    private readonly Backoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ElasticsearchClient(IOptions<ElasticsearchOptions> options, ILogger<ElasticsearchClient> logger)
        : this(options.Value, TlsTrust.CreateHandler(options.Value), Backoff.Default, TimeProvider.System, logger)
    {
    }

    internal ElasticsearchClient(ElasticsearchOptions options, HttpMessageHandler handler, Backoff backoff, TimeProvider time, ILogger logger)
    {
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _pool = new NodePool(NodeUrls.From(options), time);
        _authorization = AuthorizationOf(options);
        _timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
        _maxRetries = options.MaxRetries;
        _backoff = backoff;
        _time = time;
        _logger = logger;
    }

    public IReadOnlyList<Uri> Nodes => _pool.Nodes;

    public async Task<EsResponse> SendAsync(EsRequest request, CancellationToken cancellationToken)
    {
        var maxRetries = request.MaxRetries ?? _maxRetries;
        for (var attempt = 0; ; attempt++)
        {
            var node = _pool.Pick();
            string failure;
            try
            {
                var response = await SendOnceAsync(request, _pool.Nodes[node], cancellationToken);
                _pool.MarkAlive(node);
                if (response.IsSuccess || request.Accepted.Contains(response.StatusCode))
                {
                    return response;
                }
                if (response.StatusCode is not (429 or 502 or 503 or 504) || attempt >= maxRetries)
                {
                    throw ElasticsearchException.From(request.Operation, response);
                }
                failure = $"HTTP {response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                _pool.MarkDead(node);
                failure = ex is HttpRequestException ? $"no answer: {ex.Message}" : $"no answer within {(request.Timeout ?? _timeout).TotalSeconds:0}s";
                if (attempt >= maxRetries)
                {
                    throw new ElasticsearchException(request.Operation, null, null, $"{failure} (after {attempt + 1} attempts)", ex);
                }
            }
            var delay = _backoff.DelayFor(attempt, Random.Shared);
            _logger.LogWarning("Elasticsearch {Operation} on {Node}: {Failure}; retry {Attempt} of {MaxRetries} in {DelayMs:0} ms",
                request.Operation, _pool.Nodes[node].Authority, failure, attempt + 1, maxRetries, delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    /// <summary>Sends and reads a JSON answer; a 2xx body that does not parse is an error, not a null.</summary>
    public async Task<T> SendAsync<T>(EsRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var response = await SendAsync(request, cancellationToken);
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(response.Body, type)
                ?? throw new ElasticsearchException(request.Operation, response.StatusCode, null, "empty response body");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ElasticsearchException(request.Operation, response.StatusCode, null, $"unreadable response: {ex.Message}", ex);
        }
    }

    private async Task<EsResponse> SendOnceAsync(EsRequest request, Uri node, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout ?? _timeout);
        using var message = new HttpRequestMessage(request.Method, new Uri(node, request.Path.TrimStart('/')));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.Authorization = _authorization;
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.IsNdjson ? "application/x-ndjson" : "application/json");
        }
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return new EsResponse((int)response.StatusCode, bytes);
    }

    private static AuthenticationHeaderValue? AuthorizationOf(ElasticsearchOptions options)
    {
        if (options.ApiKey.Length > 0)
        {
            return new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        }
        if (options.Username.Length > 0)
        {
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        }
        return null;
    }

    public void Dispose() => _http.Dispose();
}
