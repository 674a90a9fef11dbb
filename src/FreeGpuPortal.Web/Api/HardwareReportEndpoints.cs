using System.Buffers;
using System.Text;

using FreeGpuPortal.HardwareReports;
using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace FreeGpuPortal.Web.Api;

/// <summary>
/// <c>POST /api/v1/hardware-reports/parse</c>: pasted nvidia-smi, lscpu and /proc/meminfo output in, values out.
/// Nothing is stored. The body is read up to the parser's limit plus one byte and never further.
/// </summary>
public static class HardwareReportEndpoints
{
    public const int MaxBodyBytes = HardwareReportParser.MaxInputBytes;

    public static RouteGroupBuilder MapHardwareReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/hardware-reports/parse", ParseAsync)
            .WithName("ParseHardwareReport")
            .WithTags("Hardware reports")
            .WithSummary("Read pasted nvidia-smi, lscpu and /proc/meminfo output")
            .WithDescription("Send the pasted text as the request body (text/plain; application/x-www-form-urlencoded, "
                + "which `curl --data-binary` sends by default, is read as raw text too). Returns what could be read; "
                + $"stores nothing. At most {MaxBodyBytes} bytes (256 KB); text with nothing recognisable gives 200 "
                + "with empty values and a message saying what was expected.")
            // Not .Accepts(): that filters by content type during routing, and an unexpected type would then
            // fall through to the page endpoints instead of getting this endpoint's 415.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The pasted output of nvidia-smi, lscpu and/or cat /proc/meminfo, as text.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxBodyBytes } },
                    },
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitingExtensions.HardwareReportParsePolicy);
        return api;
    }

    private static async Task<Results<Ok<HardwareReportDto>, ProblemHttpResult>> ParseAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (!TryGetEncoding(request.ContentType, out var encoding))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the paste as text/plain",
                detail: $"The body must be the pasted text with Content-Type text/plain (or application/x-www-form-urlencoded "
                    + $"as curl --data-binary sends it); got {(string.IsNullOrEmpty(request.ContentType) ? "none" : $"'{Shorten(request.ContentType)}'")}.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge(request.ContentLength.Value);
        }

        var body = await ReadAtMostAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(null);
        }

        var report = HardwareReportParser.Parse(encoding.GetString(body));
        return report.TooLarge ? TooLarge(null) : TypedResults.Ok(HardwareReportDto.From(report));
    }

    /// <summary>
    /// Reads a body of at most <paramref name="maxBytes"/> bytes; null when it is longer. Never pulls more than
    /// <paramref name="maxBytes"/> + 1 bytes from the stream, whatever the client declared or keeps sending.
    /// </summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            while (length <= maxBytes)
            {
                var read = await body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>text/plain in the charset it names (UTF-8 when none or an unknown one is named), or a form type read as raw UTF-8.</summary>
    private static bool TryGetEncoding(string? contentType, out Encoding encoding)
    {
        encoding = Encoding.UTF8;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        if (mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        encoding = mediaType.Encoding ?? Encoding.UTF8; // a charset .NET does not know reads as UTF-8
        return true;
    }

    private static ProblemHttpResult TooLarge(long? length) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Paste too large",
            detail: $"A paste may be at most {MaxBodyBytes} bytes (256 KB){(length is { } n ? $"; this one is {n} bytes" : "")}. "
                + "Send only the nvidia-smi, lscpu and /proc/meminfo output.");

    private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 80), "…");
}
