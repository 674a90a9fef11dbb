namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>Why a spec number is refused (see <see cref="PlatformEditValidator.CheckNumber"/>).</summary>
public enum SpecNumberProblem
{
    NotFinite,
    OutOfRange,
    NotWhole,
}
