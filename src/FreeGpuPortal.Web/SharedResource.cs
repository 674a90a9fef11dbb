namespace FreeGpuPortal.Web;

/// <summary>Anchor type for the portal's one resource file, Resources/SharedResource.resx (and its translations).</summary>
public sealed class SharedResource;
