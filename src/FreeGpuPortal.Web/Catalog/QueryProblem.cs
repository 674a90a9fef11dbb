namespace FreeGpuPortal.Web.Catalog;

public enum QueryProblem
{
    NotANumber,
    NotFinite,
    Negative,
    TooLong,
    UnknownValue,
    UnknownSortKey,
    UnknownFeature,
    Repeated,
}
