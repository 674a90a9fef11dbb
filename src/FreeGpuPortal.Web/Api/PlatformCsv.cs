using System.Globalization;
using System.Text;

using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Api;

// The platform list as CSV, and the pros and cons it reads per platform.

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

    /// <summary>
    /// The header row: each spec of the registry gives its "min" and "max" columns (with the plain fields read as part
    /// of it: the CPU model, the storage note, the quota's kind and reset rule) and, at the end, its source and as-of.
    /// </summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "Slug", "Name", "Vendor", "Status", "Renamed to", "GPU models",
        "GPU memory min (GB)", "GPU memory max (GB)",
        .. Specs.All.SelectMany(ValueHeaders),
        "Features", "Pros", "Cons", "Last verified", "Page",
        "GPU source", "GPU as of",
        .. Specs.All.SelectMany(s => new[] { $"{s.CsvSourceName} source", $"{s.CsvSourceName} as of" }),
    ];

    private static IEnumerable<string> ValueHeaders(SpecDefinition spec)
    {
        var unit = spec.CsvUnit is null ? "" : $" ({spec.CsvUnit})";
        return spec.Display switch
        {
            SpecDisplay.CpuCount => [$"{spec.CsvName} min{unit}", $"{spec.CsvName} max{unit}", "CPU model"],
            SpecDisplay.Storage => [$"{spec.CsvName} min{unit}", $"{spec.CsvName} max{unit}", "Storage note"],
            SpecDisplay.WeeklyQuota => ["Weekly quota", $"{spec.CsvName} min{unit}", $"{spec.CsvName} max{unit}", "Weekly quota reset"],
            _ => [$"{spec.CsvName} min{unit}", $"{spec.CsvName} max{unit}"],
        };
    }

    /// <summary>A spec's value columns, in the order of <see cref="ValueHeaders"/>.</summary>
    private static IEnumerable<string?> Values(SpecDefinition spec, PlatformSummary platform, Func<string?, string?, string?> text)
    {
        var value = platform[spec];
        return spec.Display switch
        {
            SpecDisplay.CpuCount => [Number(value.Guaranteed), Number(value.Possible), platform.CpuModel],
            SpecDisplay.Storage => [Number(value.Guaranteed), Number(value.Possible), text(platform.StorageNote, platform.StorageNoteZh)],
            SpecDisplay.WeeklyQuota =>
            [
                platform.WeeklyQuotaKind switch
                {
                    WeeklyQuotaKind.Limited => "limited",
                    WeeklyQuotaKind.NoQuota => "no quota",
                    _ => null,
                },
                platform.WeeklyQuotaKind == WeeklyQuotaKind.Limited ? Number(value.Guaranteed) : null,
                platform.WeeklyQuotaKind == WeeklyQuotaKind.Limited ? Number(value.Possible) : null,
                text(platform.WeeklyQuotaResetRule, platform.WeeklyQuotaResetRuleZh),
            ],
            _ => [Number(value.Guaranteed), Number(value.Possible)],
        };
    }

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
            AppendRecord(csv,
            [
                platform.Slug,
                platform.Name,
                platform.Vendor,
                PlatformDtoMapper.StatusName(platform.Status),
                platform.Status == PlatformStatus.Renamed ? platform.SuccessorSlug : null,
                string.Join("; ", platform.Gpus.Select(g => g.Name)),
                Number(platform.GpuMemoryGuaranteedGb), Number(platform.GpuMemoryPossibleGb),
                .. Specs.All.SelectMany(s => Values(s, platform, Text)),
                string.Join("; ", platform.Features.Where(f => f.Available).Select(f => Text(f.Name, f.NameZh) ?? f.Name)),
                text is null ? null : List(text.Pros, text.ProsZh),
                text is null ? null : List(text.Cons, text.ConsZh),
                platform.LastVerifiedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PlatformDtoMapper.PageLink(platform.Slug, siteBase),
                .. Citation(platform.Gpus.FirstOrDefault() is { } gpu ? (gpu.SourceUrl, gpu.SourceTitle, gpu.AsOf) : null),
                .. Specs.All.SelectMany(s => Citation(s, platform)),
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

    private static string?[] Citation(SpecDefinition spec, PlatformSummary platform) =>
        spec.IsStated(platform) && platform[spec] is var value ? Citation((value.SourceUrl, value.SourceTitle, value.AsOf)) : [null, null];

    /// <summary>The source (URL, or title without one) and the ISO as-of date of one value.</summary>
    private static string?[] Citation((string? Url, string? Title, DateOnly? AsOf)? citation) => citation is { } c
        ? [c.Url ?? c.Title, c.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]
        : [null, null];
}

/// <summary>Pros and cons (both languages) are not part of the in-memory snapshot; the CSV endpoint reads them per platform id.</summary>
public sealed record PlatformTexts(
    IReadOnlyList<string> Pros, IReadOnlyList<string> Cons, IReadOnlyList<string>? ProsZh = null, IReadOnlyList<string>? ConsZh = null);
