namespace FreeGpuPortal.Web.Suggestions;

public enum SuggestionStatus
{
    Pending,
    Accepted,
    Rejected,
}
