namespace FreeGpuPortal.Web.Catalog.Transfer;

public sealed record FieldDifference(string Field, string Label, string Current, string Imported);
