using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.SampleData.Output;

/// <summary>
/// Posts one batch until the service has it: 429 waits for Retry-After, 5xx and connection errors back
/// off exponentially, 413 splits the batch in halves. Anything else (401, 400, ...) stops the run with
/// the service's problem detail. Never drops a batch silently.
/// </summary>
public sealed class BatchPoster(HttpClient http, ApiTargetOptions options, Action<string>? onRetry = null)
{

    private readonly List<RejectedItem> rejected = [];
    private long accepted;
    private long retries;

    public long Accepted => Interlocked.Read(ref accepted);
    public long Retries => Interlocked.Read(ref retries);

    public IReadOnlyList<RejectedItem> Rejected
    {
        get
        {
            lock (rejected)
            {
                return rejected.ToList();
            }
        }
    }

    public Task PostAsync(string kind, ItemBuffer buffer, long firstPosition, bool wait, CancellationToken cancellationToken) =>
        PostRangeAsync(kind, buffer, 0, buffer.Count, firstPosition, wait, cancellationToken);

    private async Task PostRangeAsync(string kind, ItemBuffer buffer, int start, int count, long firstPosition, bool wait, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.BaseUrl, $"api/v1/{kind}/batch{(wait ? "?wait=true" : "")}");
        var body = buffer.Body(start, count, options.Ndjson);
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(Request(uri, body), cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await BackOffAsync(attempt, null, $"{kind} batch: {e.Message}", e, cancellationToken);
                continue;
            }
            using (response)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Accepted or HttpStatusCode.OK:
                        await RecordAsync(kind, response, firstPosition + start, cancellationToken);
                        return;
                    case HttpStatusCode.RequestEntityTooLarge when count > 1:
                        var half = count / 2;
                        await PostRangeAsync(kind, buffer, start, half, firstPosition, wait: false, cancellationToken);
                        await PostRangeAsync(kind, buffer, start + half, count - half, firstPosition, wait, cancellationToken);
                        return;
                    case HttpStatusCode.TooManyRequests:
                        await BackOffAsync(attempt, RetryAfter(response), $"{kind} batch: 429 Too Many Requests", null, cancellationToken);
                        continue;
                    case >= HttpStatusCode.InternalServerError:
                        await BackOffAsync(attempt, null, $"{kind} batch: {(int)response.StatusCode} {response.ReasonPhrase}", null, cancellationToken);
                        continue;
                    default:
                        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                        throw new BatchDeliveryException($"{kind} batch refused: {(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
                }
            }
        }
    }

    private HttpRequestMessage Request(Uri uri, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(options.Ndjson ? "application/x-ndjson" : "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            request.Headers.Add("X-Api-Key", options.ApiKey);
        }
        return request;
    }

    private async Task RecordAsync(string kind, HttpResponseMessage response, long firstPosition, CancellationToken cancellationToken)
    {
        var result = await response.Content.ReadFromJsonAsync<BatchResult>(WireJson.Options, cancellationToken)
            ?? throw new BatchDeliveryException($"{kind} batch: the service answered {(int)response.StatusCode} without a body");
        Interlocked.Add(ref accepted, result.Accepted);
        lock (rejected)
        {
            foreach (var error in result.Errors)
            {
                rejected.Add(new RejectedItem(kind, firstPosition + error.Index, error.Problems));
            }
            // A service that counts rejections without listing them still fails the run.
            for (var i = result.Errors.Count; i < result.Rejected; i++)
            {
                rejected.Add(new RejectedItem(kind, -1, []));
            }
        }
    }

    private async Task BackOffAsync(int attempt, TimeSpan? retryAfter, string what, Exception? error, CancellationToken cancellationToken)
    {
        if (attempt >= options.MaxAttempts)
        {
            throw new BatchDeliveryException($"{what}; gave up after {attempt} attempts", error);
        }
        Interlocked.Increment(ref retries);
        var backoff = options.RetryBaseDelay * Math.Pow(2, attempt - 1) * (0.8 + 0.4 * Random.Shared.NextDouble());
        var wait = retryAfter ?? (backoff < options.MaxRetryDelay ? backoff : options.MaxRetryDelay);
        onRetry?.Invoke($"{what}; retrying in {wait.TotalSeconds:0.0} s (attempt {attempt + 1} of {options.MaxAttempts})");
        await Task.Delay(wait, cancellationToken);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
