namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>A run going: who started it and when (UTC), and how far it got; <see cref="Total"/> is null until the links are read.</summary>
public sealed record LinkCheckProgress(string StartedBy, DateTime StartedAtUtc, int Checked, int? Total);
