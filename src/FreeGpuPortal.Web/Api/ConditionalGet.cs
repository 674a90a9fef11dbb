using System.Security.Cryptography;

using Microsoft.Net.Http.Headers;

namespace FreeGpuPortal.Web.Api;

/// <summary>
/// Conditional GET for the read API. The ETag is a hash of the exact bytes sent, so it is strong, equal for equal
/// answers whatever instance or process served them, and changes with any change of the catalog that shows in the
/// answer. <c>Cache-Control: public, no-cache</c>: any cache may store the answer but must revalidate it each time —
/// an admin's correction shows at once, and an unchanged answer costs a 304 without a body.
/// </summary>
public static class ConditionalGet
{
    public const string CacheControl = "public, no-cache";

    public static string ETagFor(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return "\"" + Convert.ToBase64String(hash[..18]).Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>
    /// Writes the body, or 304 when the request's If-None-Match names it. With <paramref name="lastModified"/>, also
    /// sends Last-Modified and answers If-Modified-Since (which If-None-Match overrides, RFC 9110 13.1.3).
    /// </summary>
    public static async Task WriteAsync(HttpContext context, byte[] body, string contentType, DateTimeOffset? lastModified = null)
    {
        var etag = ETagFor(body);
        var response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
        // The catalog's text follows Accept-Language when no lang parameter is given: caches keep one answer per language.
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        if (lastModified is { } modified)
        {
            response.GetTypedHeaders().LastModified = modified;
        }

        if (Matches(context.Request, etag) || NotModifiedSince(context.Request, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static bool NotModifiedSince(HttpRequest request, DateTimeOffset? lastModified)
    {
        if (lastModified is not { } modified || request.Headers.IfNoneMatch.Count > 0
            || request.GetTypedHeaders().IfModifiedSince is not { } since)
        {
            return false;
        }

        // HTTP dates have whole seconds.
        return modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/"x" matches "x".</summary>
    private static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
