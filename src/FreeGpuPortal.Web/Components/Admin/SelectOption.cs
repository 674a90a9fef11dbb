namespace FreeGpuPortal.Web.Components.Admin;

/// <summary>One choice of an <see cref="AdminSelect{TValue}"/>: the value and the text people see.</summary>
public sealed record SelectOption<TValue>(TValue Value, string Text);
