namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>How a run went: links checked, and how many of them are broken or redirected now.</summary>
public sealed record LinkCheckSummary(int Checked, int Broken, int Redirected);
