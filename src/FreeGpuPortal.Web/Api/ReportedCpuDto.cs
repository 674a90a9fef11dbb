using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

[Description("Values read from lscpu.")]
public sealed record ReportedCpuDto(
    [property: Description("The \"Model name\" line.")] string? Model,
    [property: Description("The \"CPU(s)\" line: logical CPUs.")] int? LogicalCpus,
    [property: Description("The \"Thread(s) per core\" line.")] int? ThreadsPerCore,
    [property: Description("The \"Socket(s)\" line.")] int? Sockets);
