namespace FoodFast.Analytics.Api.Errors;

/// <summary>
/// Checks every request makes before any endpoint sees it: no query or route value holds a NUL (Postgres cannot store
/// one, and no identifier or search text needs one); time parameters are ISO-8601; small JSON bodies are buffered so a
/// conversion failure can quote what was received; and a chunked body that outgrows the limit is a 413, not the 400
/// the body binder would make of it.
/// </summary>
internal static class RequestGuards
{
    private const string BodyTooLarge = "ff:body-too-large";

    public static async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var request = http.Request;
        foreach (var (name, values) in request.Query)
        {
            if (values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                throw new FieldRequestException(name, "must not contain NUL characters", expected: "text without NUL characters");
            }
        }
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && text.Contains('\0', StringComparison.Ordinal))
            {
                throw new FieldRequestException(name, "must not contain NUL characters", expected: "text without NUL characters");
            }
        }
        IsoTimeParameters.Check(http);
        if (request.HasJsonContentType() && request.ContentLength is <= ProblemDetailsSetup.BufferedBodyBytes)
        {
            request.EnableBuffering();
        }
        else if (request.ContentLength is null && request.Body != Stream.Null)
        {
            request.Body = new BoundedStream(request.Body, () => Limit(http), () => http.Items[BodyTooLarge] = true);
        }
        await next();
        if (http.Items.ContainsKey(BodyTooLarge) && !http.Response.HasStarted)
        {
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    }

    /// <summary>The body limit in force when reading starts (an ingestion endpoint sets its own), else Api:MaxRequestBodyBytes.</summary>
    private static long Limit(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
        ?? http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.ApiOptions>>().Value.MaxRequestBodyBytes;

    /// <summary>
    /// Counts what is read of a body without a length and refuses more than the limit with a 413 (the server does too,
    /// but not every host enforces it); notes the refusal so that whoever catches the exception, the answer is a 413.
    /// </summary>
    private sealed class BoundedStream(Stream inner, Func<long> limit, Action tooLarge) : Stream
    {
        private long _read;
        private long? _limit;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Signal(() => Count(inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                tooLarge();
                throw;
            }
        }

        private int Count(int read)
        {
            _limit ??= limit();
            _read += read;
            if (_read > _limit)
            {
                throw new BadHttpRequestException($"The request body is larger than the limit of {_limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Signal(Func<int> read)
        {
            try
            {
                return read();
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                tooLarge();
                throw;
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
