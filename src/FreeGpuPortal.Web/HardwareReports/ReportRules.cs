using System.Security.Cryptography;
using System.Text;

using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Web.HardwareReports;

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
