namespace FreeGpuPortal.Web.Api;

/// <summary>One query parameter of the platform list, as the OpenAPI document and the API page describe it.</summary>
public sealed record ApiParameterDoc(
    string Name, ApiParameterKind Kind, string Description, string Example, IReadOnlyList<string> Values, string? Default = null);
