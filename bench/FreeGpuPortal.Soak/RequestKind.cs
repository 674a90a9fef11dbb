namespace FreeGpuPortal.Soak;

/// <summary>The kinds of work the soak mixes; each gets its own latency figures.</summary>
public enum RequestKind
{
    /// <summary>Public pages: the comparison table with varied query strings, platform pages, comparisons.</summary>
    View,

    /// <summary>The JSON API: lists with varied query strings, one platform, the GPU models.</summary>
    ApiJson,

    /// <summary>The CSV download of the list.</summary>
    ApiCsv,

    /// <summary>A pasted hardware report posted to the parser.</summary>
    Parse,

    /// <summary>An admin's save through the interactive edit page in Chromium, until the saved message shows.</summary>
    AdminSave,
}
