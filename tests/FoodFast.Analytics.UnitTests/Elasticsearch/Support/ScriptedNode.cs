using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>A request as the node saw it, with when it arrived.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body, TimeSpan ArrivedAt)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>What the node answers: a status and a JSON body, after an optional delay.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", TimeSpan Delay = default);

/// <summary>
/// A real HTTP listener on 127.0.0.1 in the test process, playing scripted answers: this tests our client's HTTP
/// behaviour (retries, failover, headers), not Elasticsearch.
/// </summary>
public sealed class ScriptedNode : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, ScriptedResponse> _respond;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _loop;

    private readonly bool _isElasticsearch;

    /// <param name="isElasticsearch">False plays another product (OpenSearch): no <c>X-Elastic-Product</c> header.</param>
    public ScriptedNode(Func<RecordedRequest, ScriptedResponse> respond, bool isElasticsearch = true)
    {
        _respond = respond;
        _isElasticsearch = isElasticsearch;
        Url = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Plays the answers in order; the last one repeats.</summary>
    public static ScriptedNode Playing(params ScriptedResponse[] script)
    {
        var next = 0;
        return new ScriptedNode(_ => script[Math.Min(Interlocked.Increment(ref next) - 1, script.Length - 1)]);
    }

    public string Url { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    /// <summary>A URL where nothing listens: connections are refused.</summary>
    public static string RefusingUrl() => $"http://127.0.0.1:{FreePort()}/";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        // The client gzips request bodies (compression is on): record what was meant, as Elasticsearch reads it.
        await using (var input = context.Request.Headers["Content-Encoding"] == "gzip"
            ? new System.IO.Compression.GZipStream(context.Request.InputStream, System.IO.Compression.CompressionMode.Decompress)
            : context.Request.InputStream)
        {
            await input.CopyToAsync(body);
        }
        var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "", headers, body.ToArray(), _clock.Elapsed);
        _requests.Enqueue(request);
        var response = _respond(request);
        try
        {
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay);
            }
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/json";
            if (_isElasticsearch)
            {
                // Every Elasticsearch answer carries it; the official client refuses a server without it.
                context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
            }
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (timeout, cancellation): nothing to answer.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
