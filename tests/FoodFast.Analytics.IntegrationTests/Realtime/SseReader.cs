using System.Net.Http.Headers;
using System.Text.Json;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>Reads a Server-Sent Events response: events (id + JSON data), skipping comment lines.</summary>
public sealed class SseReader : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    public static Task<SseReader> OpenAsync(HttpClient client, string path, string apiKey, string? lastEventId, CancellationToken cancellationToken) =>
        OpenAsync(client, path, new AuthenticationHeaderValue("ApiKey", apiKey), lastEventId, cancellationToken);

    public static async Task<SseReader> OpenAsync(HttpClient client, string path, AuthenticationHeaderValue? credential, string? lastEventId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = credential;
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>The next event's id and data; throws when the stream ends or nothing comes within the timeout.</summary>
    public async Task<(string Id, JsonElement Data)> NextAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        string? id = null, data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(limit.Token) ?? throw new EndOfStreamException("the event stream ended");
            if (line.Length == 0 && data is not null)
            {
                return (id!, JsonDocument.Parse(data).RootElement.Clone());
            }
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
