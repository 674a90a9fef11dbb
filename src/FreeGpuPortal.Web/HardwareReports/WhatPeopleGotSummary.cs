namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>"What people got" for one platform, from its approved reports only.</summary>
public sealed record WhatPeopleGotSummary(
    int AllTime, int Recent, DateOnly? Newest, IReadOnlyList<ReportTally> Gpus, IReadOnlyList<ReportTally> Cpus,
    IReadOnlyList<ReportTally> Ram, IReadOnlyList<PublicReport> Latest)
{
    public static WhatPeopleGotSummary None { get; } = new(0, 0, null, [], [], [], []);
}
