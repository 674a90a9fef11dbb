using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.HardwareReports;

// A submitted report as stored, and its moderation status.

/// <summary>
/// A visitor's pasted hardware report for one platform: the raw text exactly as pasted, the values the parser read
/// from it (as columns, plus every GPU and the parser's messages as JSON), and where it stands in moderation. Only
/// approved reports are ever shown publicly. Nothing about the submitter is stored: no IP address, no account.
/// </summary>
public sealed class SubmittedReport
{
    public int Id { get; set; }

    public int PlatformId { get; set; }
    public Platform? Platform { get; set; }

    /// <summary>The day the visitor ran the commands (UTC calendar date, as they state it).</summary>
    public DateOnly SessionDate { get; set; }

    /// <summary>The visitor's optional note, at most <see cref="ReportRules.NoteMaxLength"/> characters.</summary>
    public string? Note { get; set; }

    /// <summary>The paste as submitted; only ever shown as text.</summary>
    public string RawText { get; set; } = "";

    /// <summary>The first GPU's name (a report's GPUs are all listed in <see cref="ParsedJson"/>).</summary>
    public string? GpuName { get; set; }
    public int? GpuMemoryMiB { get; set; }
    public int? GpuCount { get; set; }
    public string? DriverVersion { get; set; }
    public string? CudaVersion { get; set; }
    public string? CpuModel { get; set; }
    public int? LogicalCpus { get; set; }
    public int? ThreadsPerCore { get; set; }
    public int? Sockets { get; set; }
    public long? MemTotalKiB { get; set; }

    /// <summary>Every GPU and the parser's messages, as <see cref="ParsedReport"/> JSON.</summary>
    public string ParsedJson { get; set; } = "{}";

    public ReportStatus Status { get; set; } = ReportStatus.Pending;

    public DateTime SubmittedAtUtc { get; set; }

    public DateTime? ModeratedAtUtc { get; set; }

    /// <summary>The admin who approved or rejected it (user id and display name); never shown publicly.</summary>
    public string? ModeratedByUserId { get; set; }
    public string? ModeratedByName { get; set; }

    /// <summary>The catalog change that applied this report's values, when an admin did so.</summary>
    public int? AppliedChangeId { get; set; }
}

public enum ReportStatus
{
    Pending,
    Approved,
    Rejected,
}
