namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>An admin's create or edit: the form's values, the evidence, and who asks.</summary>
public sealed record PlatformChangeRequest(PlatformEditModel Platform, ChangeEvidence Evidence, Auditing.Actor Actor);
