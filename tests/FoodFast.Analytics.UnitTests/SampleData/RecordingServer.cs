using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace FoodFast.Analytics.UnitTests.SampleData;

/// <summary>What the local listener saw of one request.</summary>
public sealed record RecordedRequest(int Number, string Method, string Path, string Query, string? ApiKey, string? ContentType, byte[] Body, TimeSpan At)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>Items in the body, whether it is a JSON array or NDJSON.</summary>
    public int ItemCount => ContentType?.StartsWith("application/x-ndjson", StringComparison.Ordinal) == true
        ? Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length
        : JsonDocument.Parse(Body).RootElement.GetArrayLength();
}

/// <summary>What to answer; <paramref name="Delay"/> holds the request open (asynchronously) before answering.</summary>
public sealed record Reply(int Status, string? Json = null, (string Name, string Value)[]? Headers = null, TimeSpan Delay = default)
{
    /// <summary>The service's 202: every item accepted.</summary>
    public static Reply AcceptAll(RecordedRequest request) =>
        new(202, $$"""{"accepted":{{request.ItemCount}},"rejected":0,"errors":[]}""");
}

/// <summary>
/// A real HTTP listener on a free loopback port, in the test process: it records every request and
/// answers what the test's script says (202, 429 with Retry-After, 503, 413, ...).
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<RecordedRequest, Reply> respond;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Task loop;
    private int count;
    private readonly Lock gate = new();
    private int open;
    private int peak;

    public RecordingServer(Func<RecordedRequest, Reply> respond)
    {
        this.respond = respond;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUrl.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The most requests that were open at the same time.</summary>
    public int PeakConcurrency
    {
        get
        {
            lock (gate)
            {
                return peak;
            }
        }
    }

    private async Task ServeAsync()
    {
        var handlers = new List<Task>();
        while (listener.IsListening)
        {
            try
            {
                var context = await listener.GetContextAsync();
                handlers.Add(Task.Run(() => HandleAsync(context)));
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                break;
            }
        }
        await Task.WhenAll(handlers);
    }

    // Each request on its own task, as a real server would: concurrent clients overlap.
    private async Task HandleAsync(HttpListenerContext context)
    {
        lock (gate)
        {
            peak = Math.Max(peak, ++open);
        }
        try
        {
            await AnswerAsync(context);
        }
        finally
        {
            lock (gate)
            {
                open--;
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var request = new RecordedRequest(Interlocked.Increment(ref count), context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
            context.Request.Url.Query, context.Request.Headers["X-Api-Key"], context.Request.ContentType, body.ToArray(), clock.Elapsed);
        Requests.Enqueue(request);
        var reply = respond(request);
        await Task.Delay(reply.Delay);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? [])
        {
            context.Response.Headers[name] = value;
        }
        if (reply.Json is not null)
        {
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(reply.Json);
            await context.Response.OutputStream.WriteAsync(bytes);
        }
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
