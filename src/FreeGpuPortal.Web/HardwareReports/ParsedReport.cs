using System.Text.Json;

using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Web.HardwareReports;

// A stored report's parsed values and its GPUs.

/// <summary>The parsed values kept as JSON with a report: every GPU, and the parser's messages.</summary>
public sealed record ParsedReport(IReadOnlyList<ParsedGpu> Gpus, IReadOnlyList<string> Messages)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static ParsedReport Empty { get; } = new([], []);

    public static ParsedReport From(HardwareReport report) =>
        new([.. report.Gpus.Select(g => new ParsedGpu(g.Name, g.MemoryMiB))], [.. report.Messages]);

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>The stored JSON; an unreadable value gives <see cref="Empty"/> rather than an error page.</summary>
    public static ParsedReport FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<ParsedReport>(json, s_json);
            return parsed is null ? Empty : new ParsedReport(parsed.Gpus ?? [], parsed.Messages ?? []);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }
}

public sealed record ParsedGpu(string? Name, int? MemoryMiB);
