using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

[Description("One physical GPU.")]
public sealed record ReportedGpuDto(
    [property: Description("The name as nvidia-smi printed it; null when not in the paste.")] string? Name,
    [property: Description("Total memory of this GPU in MiB; null when not in the paste.")] int? MemoryMiB);
