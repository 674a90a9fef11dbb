namespace FreeGpuPortal.Web.Components;

/// <summary>
/// The same root document as <see cref="App"/>, under a type of its own so that the interactive pages can be mapped
/// separately from the static ones (ASP.NET Core keeps one endpoint data source per root component type). See
/// <c>PortalPagesExtensions.MapPortalPages</c>.
/// </summary>
public sealed class InteractiveApp : App;
