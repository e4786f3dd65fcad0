using System.Text.Json;
using FoodFast.Analytics.Core.Validation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Ingestion;

/// <summary>
/// Reads an ingestion body: a JSON value (object or array) or NDJSON, bounded in bytes and items. A line of
/// NDJSON that is not JSON is one rejected item, not a failed request; a body that is not JSON at all is a 400.
/// </summary>
internal static class IngestionBody
{
    public const string NdJson = "application/x-ndjson";

    /// <summary>The parsed items; disposing returns the parsers' pooled buffers, so the elements die with it.</summary>
    public sealed record Items(IReadOnlyList<JsonElement?> Elements, IReadOnlyDictionary<int, FieldProblem> Unparsable, bool WasArray,
        IReadOnlyList<JsonDocument> Documents) : IDisposable
    {
        public void Dispose()
        {
            foreach (var document in Documents)
            {
                document.Dispose();
            }
        }
    }

    public static async Task<(Items? Items, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, int maxItems, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType is { } type ? type.Split(';')[0].Trim().ToLowerInvariant() : "application/json";
        var ndjson = mediaType is NdJson or "application/ndjson";
        if (!ndjson && mediaType != "application/json" && !mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            return (null, Problems.UnsupportedMediaType(mediaType));
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }
        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge($"The body is {request.ContentLength} bytes; the limit is {maxBytes} bytes (Ingestion:MaxBatchBytes)."));
        }
        var body = await ReadBoundedAsync(request.Body, request.ContentLength, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, Problems.TooLarge($"The body is larger than the limit of {maxBytes} bytes (Ingestion:MaxBatchBytes)."));
        }
        var items = ndjson ? ParseNdJson(body) : ParseJson(body);
        var problem = items is null || (items.Elements.Count > 0 && items.Unparsable.Count == items.Elements.Count)
            ? Problems.NotJson(ndjson ? "Not one line of the body is JSON." : "The body is not valid JSON.")
            : items.Elements.Count == 0 ? Problems.NotJson("The body holds no items.")
            : items.Elements.Count > maxItems ? Problems.TooLarge($"The batch has {items.Elements.Count} items; the limit is {maxItems} (Ingestion:MaxBatchItems).")
            : null;
        if (problem is not null)
        {
            items?.Dispose();
            return (null, problem);
        }
        return (items, null);
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long? length, long maxBytes, CancellationToken cancellationToken)
    {
        if (length is { } exact)
        {
            return await ReadExactAsync(body, exact, cancellationToken);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    /// <summary>A body whose length is announced goes straight into one array of that size (the server enforces the length).</summary>
    private static async Task<byte[]> ReadExactAsync(Stream body, long length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        await body.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }

    internal static Items? ParseJson(byte[] body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Array
                ? new Items(root.EnumerateArray().Select(e => (JsonElement?)e).ToList(), new Dictionary<int, FieldProblem>(), WasArray: true, [document])
                : new Items([root], new Dictionary<int, FieldProblem>(), WasArray: false, [document]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static Items ParseNdJson(byte[] body)
    {
        var elements = new List<JsonElement?>();
        var documents = new List<JsonDocument>();
        var unparsable = new Dictionary<int, FieldProblem>();
        var span = body.AsMemory();
        while (span.Length > 0)
        {
            var end = span.Span.IndexOf((byte)'\n');
            var line = end < 0 ? span : span[..end];
            span = end < 0 ? Memory<byte>.Empty : span[(end + 1)..];
            if (line.Span.Trim(" \t\r"u8).Length == 0)
            {
                continue;
            }
            try
            {
                var document = JsonDocument.Parse(line);
                documents.Add(document);
                elements.Add(document.RootElement);
            }
            catch (JsonException ex)
            {
                unparsable[elements.Count] = new FieldProblem("$", $"line is not valid JSON: {ex.Message}");
                elements.Add(null);
            }
        }
        return new Items(elements, unparsable, WasArray: true, documents);
    }
}
