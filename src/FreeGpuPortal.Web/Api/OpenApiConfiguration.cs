using System.Text.Json.Nodes;

using FreeGpuPortal.Web.Catalog;

using Microsoft.OpenApi;

namespace FreeGpuPortal.Web.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, from ASP.NET Core's built-in generator. The platform list reads its
/// query string with the page's parser rather than by model binding, so its parameters are added here from
/// <see cref="PlatformQueryParameters"/>, with types, enums and defaults.
/// </summary>
public static class OpenApiConfiguration
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            // Only the public API: pages, health and admin endpoints are not part of this contract.
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "FreeGpuPortal API",
                    Version = "v1",
                    Description = "The free GPU platform catalog for scripts: the comparison table's filters and sort "
                        + "as JSON and CSV, each platform with typed values (units in the field names, unknown as null, "
                        + "ranges as min/max) and their sources, plus a parser for pasted nvidia-smi, lscpu and "
                        + "/proc/meminfo output. Anonymous and rate-limited per IP address; see /api for a guide.",
                    License = new OpenApiLicense { Name = "Catalog data cites its sources", Url = new Uri("/api", UriKind.Relative) },
                };
                document.Tags = new HashSet<OpenApiTag>
                {
                    new() { Name = "Catalog", Description = "Platforms and GPU models, filtered and sorted like the comparison page." },
                    new() { Name = "Hardware reports", Description = "Reads pasted hardware output; stores nothing." },
                };
                // Served relative to wherever the document was fetched from.
                document.Servers = [new OpenApiServer { Url = "/", Description = "This portal" }];
                return Task.CompletedTask;
            });
            // Every operation is anonymous: say so explicitly (an empty requirement list) rather than leave it unstated.
            options.AddOperationTransformer((operation, _, _) =>
            {
                operation.Security = [];
                return Task.CompletedTask;
            });
        });

    /// <summary>Documents the comparison page's query parameters on a list endpoint, and its 400 answer.</summary>
    public static RouteHandlerBuilder WithPlatformQueryParameters(this RouteHandlerBuilder builder) =>
        builder
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                foreach (var parameter in PlatformQueryParameters.All)
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = parameter.Name,
                        In = ParameterLocation.Query,
                        Required = false,
                        Description = parameter.Description,
                        Schema = Schema(parameter),
                        Style = parameter.Kind == ApiParameterKind.CommaList ? ParameterStyle.Form : null,
                        Explode = parameter.Kind != ApiParameterKind.CommaList,
                        Example = parameter.Kind == ApiParameterKind.Number
                            ? JsonValue.Create(double.Parse(parameter.Example, System.Globalization.CultureInfo.InvariantCulture))
                            : parameter.Kind == ApiParameterKind.CommaList
                                ? new JsonArray([.. parameter.Example.Split(',').Select(v => (JsonNode?)JsonValue.Create(v))])
                                : JsonValue.Create(parameter.Example),
                    });
                }

                return Task.CompletedTask;
            });

    private static OpenApiSchema Schema(ApiParameterDoc parameter) => parameter.Kind switch
    {
        ApiParameterKind.Number => new OpenApiSchema { Type = JsonSchemaType.Number, Minimum = "0" },
        ApiParameterKind.Choice => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. parameter.Values.Select(v => (JsonNode)JsonValue.Create(v))],
            Default = parameter.Default is null ? null : JsonValue.Create(parameter.Default),
        },
        ApiParameterKind.CommaList => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = PlatformQueryParser.MaxTextLength },
        },
        _ => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = PlatformQueryParser.MaxTextLength },
    };
}
