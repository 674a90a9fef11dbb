using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;

using FreeGpuPortal.Web.Hosting;

namespace FreeGpuPortal.Web.Api;

public static class PortalApiExtensions
{
    /// <summary>CORS for the read API: any origin may read (GET/HEAD, no credentials); ETag and Retry-After are visible to scripts.</summary>
    public const string PublicReadCorsPolicy = "public-read-api";

    public const string RoutePrefix = "/api/v1";

    public static IHostApplicationBuilder AddPortalApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy(PublicReadCorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithHeaders("If-None-Match")
            .WithExposedHeaders("ETag", "Retry-After", "Content-Disposition")));
        // Numbers are numbers: the web default also reads "12" as 12, which the OpenAPI schema would then advertise.
        // Non-ASCII text ("30–41 hours") is written as UTF-8, not \u escapes; HTML-sensitive characters stay escaped.
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        builder.Services.AddPortalOpenApi();
        return builder;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(RoutePrefix)
            .RequireRateLimiting(RateLimitingExtensions.ApiPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var read = api.MapGroup("")
            .RequireCors(PublicReadCorsPolicy)
            .WithTags("Catalog");
        read.MapPlatformEndpoints();

        api.MapHardwareReportEndpoints();

        endpoints.MapOpenApi();
        return endpoints;
    }
}
