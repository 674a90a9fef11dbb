namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>An admin's add or edit of a GPU model: the form's values, the evidence, and who asks.</summary>
public sealed record GpuModelChangeRequest(GpuModelEditModel Model, ChangeEvidence Evidence, Auditing.Actor Actor);
