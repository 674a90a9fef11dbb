using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>What the report form binds: the paste, the session date, a note, the honeypot and the step.</summary>
public sealed class ReportForm
{
    public const string CheckStep = "check";
    public const string SaveStep = "save";

    public string? Text { get; set; }
    public DateOnly? SessionDate { get; set; }

    /// <summary>A date was sent that is not a date: it is refused, not replaced by the paste's timestamp.</summary>
    public bool SessionDateUnreadable { get; set; }
    public string? Note { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots. A filled one "succeeds" and stores nothing.</summary>
    public string? Website { get; set; }

    /// <summary>Which button was pressed: <see cref="CheckStep"/> or <see cref="SaveStep"/>.</summary>
    public string? Step { get; set; }

    /// <summary>The fingerprint of the text last checked: a save of different text is checked again first.</summary>
    public string? CheckedHash { get; set; }
}

/// <summary>A refused form value: the form field, the resource key of the message and its arguments.</summary>
public sealed record ReportError(string Field, string MessageKey, params object[] Arguments);

/// <summary>The rules of a report, shared by the check and the save step.</summary>
public static class ReportRules
{
    public const int MaxTextBytes = HardwareReportParser.MaxInputBytes;
    public const int NoteMaxLength = 1000;

    /// <summary>No free GPU notebook platform of the kind compared here predates this.</summary>
    public static readonly DateOnly EarliestSessionDate = new(2015, 1, 1);

    /// <summary>Browsers send a text area's line breaks as CRLF: store and measure the text with plain LF.</summary>
    public static string NormalizeText(string? text) =>
        text is null ? "" : text.Replace("\r\n", "\n", StringComparison.Ordinal);

    public static int Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>A fingerprint of the checked text, so a save can tell whether the visitor saw this text's result.</summary>
    public static string Fingerprint(string normalizedText) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText)));

    /// <summary>The form's errors, in form order; empty when it can be parsed and saved.</summary>
    public static IReadOnlyList<ReportError> Validate(ReportForm form, DateOnly today)
    {
        var errors = new List<ReportError>();
        var text = NormalizeText(form.Text);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new ReportError(nameof(ReportForm.Text), "Report.Error.TextRequired"));
        }
        else if (text.Length > MaxTextBytes || Utf8Bytes(text) > MaxTextBytes)
        {
            errors.Add(new ReportError(nameof(ReportForm.Text), "Report.Error.TooLarge", Utf8Bytes(text) / 1024, MaxTextBytes / 1024));
        }

        if (form.SessionDate is not { } date)
        {
            errors.Add(new ReportError(nameof(ReportForm.SessionDate), "Report.Error.DateRequired"));
        }
        else if (date > today)
        {
            errors.Add(new ReportError(nameof(ReportForm.SessionDate), "Report.Error.DateInFuture"));
        }
        else if (date < EarliestSessionDate)
        {
            errors.Add(new ReportError(nameof(ReportForm.SessionDate), "Report.Error.DateTooEarly", EarliestSessionDate.Year));
        }

        if (form.Note is { } note && note.Trim().Length > NoteMaxLength)
        {
            errors.Add(new ReportError(nameof(ReportForm.Note), "Report.Error.NoteTooLong", NoteMaxLength, note.Trim().Length));
        }

        return errors;
    }

    /// <summary>True when the parser read at least one value (an nvidia-smi error saying "no GPU" counts).</summary>
    public static bool HasValues(HardwareReport report) =>
        report.Gpus.Count > 0 || report.GpuCount is not null || report.DriverVersion is not null || report.CudaVersion is not null
        || report.Cpu is not null || report.MemTotalKiB is not null;

    /// <summary>MemTotal (KiB) as decimal gigabytes, one decimal place: 13,290,452 KiB is 13.6 GB.</summary>
    public static double MemTotalGb(long memTotalKiB) => Math.Round(memTotalKiB * 1024d / 1_000_000_000d, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The parsed values kept as JSON with a report: every GPU, and the parser's messages.</summary>
public sealed record ParsedReport(IReadOnlyList<ParsedGpu> Gpus, IReadOnlyList<string> Messages)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static ParsedReport Empty { get; } = new([], []);

    public static ParsedReport From(HardwareReport report) =>
        new([.. report.Gpus.Select(g => new ParsedGpu(g.Name, g.MemoryMiB))], [.. report.Messages]);

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>The stored JSON; an unreadable value gives <see cref="Empty"/> rather than an error page.</summary>
    public static ParsedReport FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<ParsedReport>(json, s_json);
            return parsed is null ? Empty : new ParsedReport(parsed.Gpus ?? [], parsed.Messages ?? []);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }
}

public sealed record ParsedGpu(string? Name, int? MemoryMiB);

/// <summary>The values of a report as pages show them, from a fresh parse or from a stored report.</summary>
public sealed record ReportValues(
    IReadOnlyList<ParsedGpu> Gpus, int? GpuCount, string? DriverVersion, string? CudaVersion, string? CpuModel, int? LogicalCpus,
    int? ThreadsPerCore, int? Sockets, long? MemTotalKiB, IReadOnlyList<string> Messages)
{
    public static ReportValues From(HardwareReport report) => new(
        [.. report.Gpus.Select(g => new ParsedGpu(g.Name, g.MemoryMiB))], report.GpuCount, report.DriverVersion, report.CudaVersion,
        report.Cpu?.Model, report.Cpu?.LogicalCpus, report.Cpu?.ThreadsPerCore, report.Cpu?.Sockets, report.MemTotalKiB, [.. report.Messages]);

    public static ReportValues From(SubmittedReport report)
    {
        var parsed = ParsedReport.FromJson(report.ParsedJson);
        var gpus = parsed.Gpus.Count > 0 ? parsed.Gpus : report.GpuName is null ? [] : [new ParsedGpu(report.GpuName, report.GpuMemoryMiB)];
        return new(
            gpus, report.GpuCount, report.DriverVersion, report.CudaVersion, report.CpuModel, report.LogicalCpus, report.ThreadsPerCore,
            report.Sockets, report.MemTotalKiB, parsed.Messages);
    }
}
