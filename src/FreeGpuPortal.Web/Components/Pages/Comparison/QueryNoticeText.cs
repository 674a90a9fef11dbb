using FreeGpuPortal.Web.Catalog;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Pages.Comparison;

public static class QueryNoticeText
{
    public static string Describe(QueryNotice notice, IStringLocalizer l) =>
        l[$"Notice.{notice.Problem}", notice.Parameter, notice.Value];
}
