namespace FreeGpuPortal.HardwareReports;

internal sealed record CsvScanResult(List<CsvGpu> Gpus, int HeaderRows, int HeaderlessRows);
