using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// The one door to the cluster: the official <see cref="ElasticsearchClient"/> (<see cref="Typed"/>), with retries
/// around it. 429, 502, 503, 504 and no answer are retried with exponential backoff (each attempt goes to the next
/// live node of the pool); other failures become <see cref="ElasticsearchException"/>. Credentials live only in the
/// client's settings and are never logged.
/// </summary>
public sealed class ClusterClient
{
    private readonly int _maxRetries;
    private readonly Backoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ClusterClient(IOptions<ElasticsearchOptions> options, ILogger<ClusterClient> logger)
        : this(new ElasticsearchClient(ClientSettingsFactory.Create(options.Value, logger)), options.Value.MaxRetries, Backoff.Default, TimeProvider.System, logger)
    {
    }

    internal ClusterClient(ElasticsearchClient typed, int maxRetries, Backoff backoff, TimeProvider time, ILogger logger)
    {
        Typed = typed;
        _maxRetries = maxRetries;
        _backoff = backoff;
        _time = time;
        _logger = logger;
    }

    public ElasticsearchClient Typed { get; }

    /// <summary>The node pool's URLs (the static pool shuffles them once, so instances spread their first calls).</summary>
    public IReadOnlyList<Uri> Nodes => Typed.ElasticsearchClientSettings.NodePool.Nodes.Select(n => n.Uri).ToList();

    /// <summary>
    /// Runs a typed call until it answers validly, a status in <paramref name="accepted"/> (404 for an existence check),
    /// or a failure that retrying cannot fix.
    /// </summary>
    public async Task<T> CallAsync<T>(string operation, Func<ElasticsearchClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken,
        IReadOnlySet<int>? accepted = null, int? maxRetries = null)
        where T : ElasticsearchResponse
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await call(Typed, cancellationToken);
            var status = response.ApiCallDetails.HttpStatusCode;
            if (response.IsValidResponse || (status is { } s && accepted?.Contains(s) == true))
            {
                return response;
            }
            var failure = ElasticsearchException.From(operation, status, response.ElasticsearchServerError, response.ApiCallDetails.OriginalException);
            await BackOffOrThrowAsync(operation, failure, attempt, maxRetries ?? _maxRetries, cancellationToken);
        }
    }

    /// <summary>
    /// The single place that sends a hand-written JSON body (through the client's own transport, so node pool, auth, TLS
    /// and compression are the client's). Its one caller is <see cref="Indices.IndexBootstrapper"/>, which PUTs the
    /// component and index templates and the ILM policy from their JSON resources: those files are the one source of the
    /// mappings, and a typed copy of them would be a second. Every other call is typed. Same retries as <see cref="CallAsync{T}"/>.
    /// </summary>
    public async Task<EsResponse> SendAsync(EsRequest request, CancellationToken cancellationToken)
    {
        var configuration = new RequestConfiguration
        {
            RequestTimeout = request.Timeout,
            ContentType = request.IsNdjson ? "application/x-ndjson" : null,
        };
        for (var attempt = 0; ; attempt++)
        {
            var response = await Typed.Transport.RequestAsync<BytesResponse>(
                new EndpointPath(MethodOf(request.Method), "/" + request.Path.TrimStart('/')),
                request.Body is { } body ? PostData.Bytes(body) : null, null, configuration, cancellationToken);
            var status = response.ApiCallDetails.HttpStatusCode;
            var bytes = response.Body ?? [];
            if (status is { } s && (s is >= 200 and < 300 || request.Accepted.Contains(s)))
            {
                return new EsResponse(s, bytes);
            }
            var failure = status is null
                ? ElasticsearchException.From(request.Operation, null, null, response.ApiCallDetails.OriginalException)
                : ElasticsearchException.From(request.Operation, new EsResponse(status.Value, bytes));
            await BackOffOrThrowAsync(request.Operation, failure, attempt, request.MaxRetries ?? _maxRetries, cancellationToken);
        }
    }

    private async Task BackOffOrThrowAsync(string operation, ElasticsearchException failure, int attempt, int maxRetries, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!failure.IsTransient || attempt >= maxRetries)
        {
            throw failure.StatusCode is null ? failure.After(attempt + 1) : failure;
        }
        var delay = _backoff.DelayFor(attempt, Random.Shared);
        _logger.LogWarning("Elasticsearch {Operation}: {Failure}; retry {Attempt} of {MaxRetries} in {DelayMs:0} ms",
            operation, failure.Message, attempt + 1, maxRetries, delay.TotalMilliseconds);
        await Task.Delay(delay, _time, cancellationToken);
    }

    private static TransportMethod MethodOf(System.Net.Http.HttpMethod method) => method.Method switch
    {
        "GET" => TransportMethod.GET,
        "POST" => TransportMethod.POST,
        "PUT" => TransportMethod.PUT,
        "DELETE" => TransportMethod.DELETE,
        "HEAD" => TransportMethod.HEAD,
        _ => throw new ArgumentException($"unsupported method {method}", nameof(method)),
    };
}
