namespace FreeGpuPortal.Web.Components.Catalog;

/// <summary>One piece of a history value as pages show it: text, a link when <see cref="Url"/> is set.</summary>
public sealed record ValuePart(string Text, string? Url = null);
