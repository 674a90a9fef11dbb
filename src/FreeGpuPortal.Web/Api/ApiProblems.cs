using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Localization;

using Microsoft.AspNetCore.Http.HttpResults;

namespace FreeGpuPortal.Web.Api;

/// <summary>RFC 9457 problem details for the API's errors: a human title and detail, and the parameter at fault.</summary>
public static class ApiProblems
{
    public const string InvalidQueryTitle = "Invalid query parameters";

    /// <summary>
    /// Reads the query string with the comparison page's parser. Where the page drops a bad value with a notice, the
    /// API refuses the request: a script should learn that its filter did not apply rather than get other rows.
    /// </summary>
    public static bool TryParseQuery(
        IQueryCollection parameters, CatalogSnapshot snapshot, out PlatformQuery query, out ValidationProblem? problem)
    {
        var parsed = PlatformQueryParser.Parse(parameters, snapshot.FeatureKeys);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string parameter, string message)
        {
            if (!errors.TryGetValue(parameter, out var list))
            {
                errors[parameter] = list = [];
            }

            list.Add(message);
        }

        // The page ignores parameters it does not know; for a script, a misspelt filter silently doing nothing is a bug.
        foreach (var (name, value) in parameters)
        {
            if (string.Equals(name, PortalRequestCultureProvider.LanguageParameter, StringComparison.Ordinal))
            {
                if (PortalLanguages.FromTag(value.ToString()) is null)
                {
                    Add(name, $"'{Shorten(value.ToString())}' is not one of: {string.Join(", ", PortalLanguages.All)}");
                }
            }
            else if (!PlatformQueryParameters.Names.Contains(name))
            {
                Add(Shorten(name), $"'{Shorten(name)}' is not a parameter of this endpoint; known: {string.Join(", ", PlatformQueryParameters.All.Select(p => p.Name))}");
            }
        }

        foreach (var notice in parsed.Notices)
        {
            Add(notice.Parameter, Describe(notice, snapshot));
        }

        query = parsed.Query;
        if (errors.Count == 0)
        {
            problem = null;
            return true;
        }

        problem = TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            detail: string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}."))),
            title: InvalidQueryTitle);
        return false;
    }

    public static string Describe(QueryNotice notice, CatalogSnapshot snapshot) => notice.Problem switch
    {
        QueryProblem.NotANumber => $"'{notice.Value}' is not a number",
        QueryProblem.NotFinite => $"'{notice.Value}' is not a finite number",
        QueryProblem.Negative => $"'{notice.Value}' is negative; give 0 or more",
        QueryProblem.TooLong => $"'{notice.Value}' is too long (at most {PlatformQueryParser.MaxTextLength} characters)",
        QueryProblem.UnknownValue => $"'{notice.Value}' is not one of: {string.Join(", ", AllowedValues(notice.Parameter))}",
        QueryProblem.UnknownSortKey =>
            $"'{notice.Value}' is not a sort key; one of: {string.Join(", ", SortKey.All.Select(k => k.Name))}, optionally prefixed with '-'",
        QueryProblem.UnknownFeature => $"'{notice.Value}' is not a known feature; known: {string.Join(", ", snapshot.Features.Select(f => f.Key))}",
        QueryProblem.Repeated => $"given more than once ('{notice.Value}' too); give it once",
        _ => $"'{notice.Value}' cannot be used",
    };

    public static ProblemHttpResult PlatformNotFound(string slug) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Platform not found",
            detail: $"No platform has the slug '{Shorten(slug)}'. /api/v1/platforms?status=all lists every platform.");

    private static IEnumerable<string> AllowedValues(string parameter) =>
        PlatformQueryParameters.All.FirstOrDefault(p => p.Name.Equals(parameter, StringComparison.OrdinalIgnoreCase))?.Values ?? [];

    private static string Shorten(string value) => QueryNotice.For("", value, QueryProblem.TooLong).Value;
}
