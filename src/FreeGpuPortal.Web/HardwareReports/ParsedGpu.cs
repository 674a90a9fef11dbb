using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Web.HardwareReports;

public sealed record ParsedGpu(string? Name, int? MemoryMiB);
