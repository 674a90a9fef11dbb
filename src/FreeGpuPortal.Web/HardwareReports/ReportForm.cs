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
