using System.Globalization;
using System.Text;

using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Api;

/// <summary>
/// The comparison view as CSV (RFC 4180): UTF-8 with a byte order mark (so spreadsheet programs read "30–40" and
/// other non-ASCII text as UTF-8), a header row, CRLF after every record, fields quoted when they hold a comma,
/// quote, CR or LF, quotes doubled. Units are in the headers, numbers are invariant, dates ISO, unknown values empty.
/// Lists (GPU models, feature names as the pages show them) are joined with "; ", pros and cons with line breaks
/// inside the cell. Pages are absolute URLs. Each value's source (its URL, or its title when it has none) and
/// as-of date follow in columns of their own. Text values are in the requested language, falling back to the other
/// (<see cref="CatalogTextResolver"/>); headers stay English.
/// A cell starting with =, +, -, @, tab or CR is prefixed with an apostrophe, so a spreadsheet shows it as text
/// instead of running it as a formula (OWASP "CSV injection").
/// </summary>
public static class PlatformCsv
{
    public const string FileName = "free-gpu-platforms.csv";

    public static IReadOnlyList<string> Headers { get; } =
    [
        "Slug", "Name", "Vendor", "Status", "Renamed to", "GPU models",
        "GPU memory min (GB)", "GPU memory max (GB)",
        "CPUs min", "CPUs max", "CPU model",
        "RAM min (GB)", "RAM max (GB)",
        "Storage min (GB)", "Storage max (GB)", "Storage note",
        "Max session min (h)", "Max session max (h)",
        "Idle timeout min (min)", "Idle timeout max (min)",
        "Weekly quota", "Weekly GPU hours min (h)", "Weekly GPU hours max (h)", "Weekly quota reset",
        "Features", "Pros", "Cons", "Last verified", "Page",
        "GPU source", "GPU as of", "CPU source", "CPU as of", "RAM source", "RAM as of", "Storage source", "Storage as of",
        "Max session source", "Max session as of", "Idle timeout source", "Idle timeout as of", "Weekly quota source", "Weekly quota as of",
    ];

    /// <summary>The byte order mark the file starts with.</summary>
    public static ReadOnlySpan<byte> ByteOrderMark => Encoding.UTF8.Preamble;

    /// <summary>The file's bytes: the byte order mark, then the UTF-8 text.</summary>
    public static byte[] Encode(string csv) => [.. ByteOrderMark, .. Encoding.UTF8.GetBytes(csv)];

    /// <param name="siteBase">The site's absolute base URL without a trailing slash, e.g. <c>https://gpus.example</c>.</param>
    public static string Write(
        IReadOnlyList<PlatformSummary> rows, IReadOnlyDictionary<int, PlatformTexts> texts, string siteBase, string language)
    {
        string? Text(string? english, string? chinese) => CatalogTextResolver.Text(english, chinese, language);
        string? List(IReadOnlyList<string> english, IReadOnlyList<string>? chinese) =>
            string.Join('\n', CatalogTextResolver.Resolve(english, chinese, language).Items);
        var csv = new StringBuilder();
        AppendRecord(csv, Headers);
        foreach (var platform in rows)
        {
            var text = texts.GetValueOrDefault(platform.Id);
            var limited = platform.WeeklyQuotaKind == WeeklyQuotaKind.Limited;
            AppendRecord(csv,
            [
                platform.Slug,
                platform.Name,
                platform.Vendor,
                PlatformDtoMapper.StatusName(platform.Status),
                platform.Status == PlatformStatus.Renamed ? platform.SuccessorSlug : null,
                string.Join("; ", platform.Gpus.Select(g => g.Name)),
                Number(platform.GpuMemoryGuaranteedGb), Number(platform.GpuMemoryPossibleGb),
                Number(platform.CpuCount.Guaranteed), Number(platform.CpuCount.Possible), platform.CpuModel,
                Number(platform.RamGb.Guaranteed), Number(platform.RamGb.Possible),
                Number(platform.StorageGb.Guaranteed), Number(platform.StorageGb.Possible), Text(platform.StorageNote, platform.StorageNoteZh),
                Number(platform.MaxSessionHours.Guaranteed), Number(platform.MaxSessionHours.Possible),
                Number(platform.IdleTimeoutMinutes.Guaranteed), Number(platform.IdleTimeoutMinutes.Possible),
                platform.WeeklyQuotaKind switch
                {
                    WeeklyQuotaKind.Limited => "limited",
                    WeeklyQuotaKind.NoQuota => "no quota",
                    _ => null,
                },
                limited ? Number(platform.WeeklyGpuHours.Guaranteed) : null,
                limited ? Number(platform.WeeklyGpuHours.Possible) : null,
                Text(platform.WeeklyQuotaResetRule, platform.WeeklyQuotaResetRuleZh),
                string.Join("; ", platform.Features.Where(f => f.Available).Select(f => Text(f.Name, f.NameZh) ?? f.Name)),
                text is null ? null : List(text.Pros, text.ProsZh),
                text is null ? null : List(text.Cons, text.ConsZh),
                platform.LastVerifiedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PlatformDtoMapper.PageLink(platform.Slug, siteBase),
                .. Citation(platform.Gpus.FirstOrDefault() is { } gpu ? (gpu.SourceUrl, gpu.SourceTitle, gpu.AsOf) : null),
                .. Citation(platform.CpuCount), .. Citation(platform.RamGb), .. Citation(platform.StorageGb),
                .. Citation(platform.MaxSessionHours), .. Citation(platform.IdleTimeoutMinutes),
                .. (platform.WeeklyQuotaKind == WeeklyQuotaKind.Unknown
                    ? [null, null]
                    : Citation((platform.WeeklyGpuHours.SourceUrl, platform.WeeklyGpuHours.SourceTitle, platform.WeeklyGpuHours.AsOf))),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>One field as it goes into the file: neutralised against formulas, then quoted when needed.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static void AppendRecord(StringBuilder csv, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Field(fields[i]));
        }

        csv.Append("\r\n");
    }

    private static string? Number(double? value) => PlatformQuery.FormatNumber(value);

    private static string?[] Citation(SpecValue value) =>
        value.IsKnown ? Citation((value.SourceUrl, value.SourceTitle, value.AsOf)) : [null, null];

    /// <summary>The source (URL, or title without one) and the ISO as-of date of one value.</summary>
    private static string?[] Citation((string? Url, string? Title, DateOnly? AsOf)? citation) => citation is { } c
        ? [c.Url ?? c.Title, c.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]
        : [null, null];
}
