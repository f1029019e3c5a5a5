using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PracticeSuite.Platform.Web;

/// <summary>
/// An API request's body is at most <see cref="MaxBytes"/> (issue 16): a larger one is a 413 ProblemDetails before
/// anything reads it, whether it declares its length or not. Kestrel enforces the same limit while reading; a body
/// without a declared length is read into memory up to the limit here, so a server that does not (the in-memory test
/// server) refuses it the same way. A JSON body with a NUL character in its text is a 400 naming the property: no field
/// needs one and PostgreSQL cannot store or compare it (the fuzzer's 500s on PostgreSQL); a query value with one is
/// refused the same way.
/// </summary>
internal static class ApiBodyLimit
{
    public const int MaxBytes = 256 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBytes;
        }

        var request = context.Request;
        // The same for a query value (?email=%00): refused here, once, rather than by every query's validator.
        if (request.Query.FirstOrDefault(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)) is { Key: not null } nulQuery)
        {
            await NulRefusedAsync(context, nulQuery.Key.Replace("\0", "", StringComparison.Ordinal));
            return;
        }

        if (request.ContentLength > MaxBytes)
        {
            await TooLargeAsync(context);
            return;
        }

        var json = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        if ((request.ContentLength is null || (json && request.ContentLength > 0)) && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            var buffer = new MemoryStream();
            try
            {
                await request.Body.CopyToAsync(new LimitedWriteStream(buffer, MaxBytes), context.RequestAborted);
            }
            catch (Exception exception) when (exception is LimitExceededException
                                                  or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                await TooLargeAsync(context);
                return;
            }

            if (json && NulProperty(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } property)
            {
                await NulRefusedAsync(context, property);
                return;
            }

            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context);
        }
    });

    private static readonly byte[] EscapedNul = "\\u0000"u8.ToArray();

    /// <summary>
    /// The property whose text holds a NUL character (JSON <c>\u0000</c>), which no field needs and PostgreSQL cannot
    /// store (a 500 there); null when there is none, or when the JSON does not read (the binder then says why).
    /// </summary>
    internal static string? NulProperty(ReadOnlySpan<byte> body)
    {
        if (body.IndexOf(EscapedNul) < 0)
        {
            return null;
        }

        var reader = new System.Text.Json.Utf8JsonReader(body, new System.Text.Json.JsonReaderOptions { MaxDepth = 256 });
        var property = "$";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
                {
                    property = reader.GetString() ?? "$";
                    if (property.Contains('\0', StringComparison.Ordinal))
                    {
                        return "$";
                    }
                }
                else if (reader.TokenType == System.Text.Json.JsonTokenType.String && reader.ValueIsEscaped && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                {
                    return property;
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        return null;
    }

    // Both answers go through the platform's ProblemDetails service (TypedResults), which adds the trace id as
    // every other problem does.
    private static Task NulRefusedAsync(HttpContext context, string property) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [property] = ["Text may not contain the NUL character (\\u0000)."] },
            title: "The request has invalid fields.",
            instance: context.Request.Path).ExecuteAsync(context);

    private static Task TooLargeAsync(HttpContext context) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request body is too large.",
            detail: $"An API request's body may be at most {MaxBytes / 1024} KB.",
            instance: context.Request.Path).ExecuteAsync(context);

    private sealed class LimitExceededException : Exception;

    /// <summary>Writes through to <paramref name="inner"/> until more than <paramref name="limit"/> bytes arrive.</summary>
    private sealed class LimitedWriteStream(Stream inner, long limit) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (inner.Length + buffer.Length > limit)
            {
                throw new LimitExceededException();
            }

            inner.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
