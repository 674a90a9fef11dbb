using System.Text.Json;
using System.Text.Json.Serialization;

namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>The one JSON shape of edit values: what history stores and what a revert reads back.</summary>
public static class EditJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.Strict,
    };
}
