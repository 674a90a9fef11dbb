using System.Reflection;

using Microsoft.AspNetCore.Http.Metadata;

namespace FreeGpuPortal.Web.Api;

/// <summary>The platform list as a CSV download, with an ETag (200 or 304).</summary>
public sealed class CachedCsv(byte[] body, string fileName) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename={fileName}";
        return ConditionalGet.WriteAsync(httpContext, body, ContentType);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/csv"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}
