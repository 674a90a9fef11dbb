namespace FreeGpuPortal.Web.Discovery;

/// <summary>What the dataset description states about the catalog, independent of the address it is served at.</summary>
public sealed record DatasetFacts(
    IReadOnlyList<string> PlatformNames, IReadOnlyList<string> SourceUrls, DateTime? FirstChangeUtc, DateTime? LastChangeUtc,
    DateOnly? EarliestAsOf, DateOnly? LatestAsOf);
