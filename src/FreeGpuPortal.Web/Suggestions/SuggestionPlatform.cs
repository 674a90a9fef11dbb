using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Suggestions;

/// <summary>The platform a suggestion is for, with its values as saved now.</summary>
public sealed record SuggestionPlatform(int Id, string Slug, string Name, PlatformEditModel Current);
