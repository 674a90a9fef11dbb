namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>How a run ended: its summary, or null when it failed.</summary>
public sealed record LinkCheckOutcome(string StartedBy, DateTime FinishedAtUtc, LinkCheckSummary? Summary);
