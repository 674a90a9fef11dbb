namespace FreeGpuPortal.Web.HardwareReports;

public enum ReportStatus
{
    Pending,
    Approved,
    Rejected,
}
