using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Components.Admin;

/// <summary>
/// The platform form's sections, in page order, and which section holds each field: the section nav shows one section
/// at a time (or all), so changing one value is a few controls away from Save, and a conflict or a message can open
/// the section of the field it is about.
/// </summary>
public static class PlatformFormSections
{
    public const string All = "all";
    public const string General = "general";
    public const string Gpus = "gpus";
    public const string Features = "features";
    public const string Texts = "texts";
    public const string Sources = "sources";

    /// <summary>The spec values, each a section of its own (they are what changes most).</summary>
    public static IReadOnlyList<string> Specs { get; } = [.. Web.Catalog.Specs.All.Select(s => s.Name)];

    /// <summary>Every section key in page order.</summary>
    public static IReadOnlyList<string> Keys { get; } = [General, .. Specs, Gpus, Features, Texts, Sources];

    /// <summary>The section holding a field, given by its name or a property path (<c>Gpus[1].Note</c>, <c>RamGb.Min</c>).</summary>
    public static string Of(string fieldOrPath)
    {
        var name = AdminFormState.Group(fieldOrPath);
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            name = name[..bracket];
        }

        // A Chinese text sits beside its English one.
        if (name.EndsWith("Zh", StringComparison.Ordinal))
        {
            name = name[..^2];
        }

        // A plain field read as part of a spec (the CPU model) sits in that spec's section.
        if (Web.Catalog.Specs.All.FirstOrDefault(s => s.Companions.Contains(name, StringComparer.Ordinal)) is { } owner)
        {
            return owner.Name;
        }

        return name switch
        {
            nameof(PlatformEditModel.Gpus) or nameof(PlatformEditModel.GpuAvailabilityNote) => Gpus,
            nameof(PlatformEditModel.Features) or "Feature" or "FeatureState" => Features,
            nameof(PlatformEditModel.Pros) or nameof(PlatformEditModel.Cons) or nameof(PlatformEditModel.GettingStarted) => Texts,
            nameof(PlatformEditModel.Sources) => Sources,
            "Evidence" => All,
            _ when Specs.Contains(name, StringComparer.Ordinal) => name,
            _ => General,
        };
    }

    /// <summary>The id of a section's element on the page.</summary>
    public static string ElementId(string section) => "section-" + section;
}
