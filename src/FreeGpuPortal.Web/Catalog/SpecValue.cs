namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// One typed spec value in a fixed unit (the unit is part of the property name that holds it).
/// A single value has <see cref="Min"/> equal to <see cref="Max"/>; a value that varies is a range;
/// both null means unknown ("not stated"). Every value carries its own citation and as-of date,
/// because platforms change one limit at a time and each change has its own evidence.
/// </summary>
public sealed class SpecValue
{
    public double? Min { get; set; }
    public double? Max { get; set; }

    /// <summary>Qualifies the number in words, e.g. "about", "up to", "in interactive GPU mode".</summary>
    public string? Note { get; set; }

    /// <summary>The note in Chinese.</summary>
    public string? NoteZh { get; set; }

    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }

    public bool IsKnown => Min is not null || Max is not null;

    /// <summary>The end a user can count on: for every column here, more is better, so the minimum.</summary>
    public double? Guaranteed => Min ?? Max;

    /// <summary>The most a user may get.</summary>
    public double? Possible => Max ?? Min;

    public static SpecValue Unknown() => new();

    public SpecValue Clone() => (SpecValue)MemberwiseClone();
}
