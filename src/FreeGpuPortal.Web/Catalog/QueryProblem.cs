using System.Globalization;

using Microsoft.Extensions.Primitives;

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
