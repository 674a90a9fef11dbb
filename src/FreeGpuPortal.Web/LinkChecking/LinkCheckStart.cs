namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>What asking for a run did.</summary>
public abstract record LinkCheckStart
{
    private LinkCheckStart()
    {
    }

    /// <summary>Started; <paramref name="Run"/> completes with the summary (null when the run failed).</summary>
    public sealed record Started(Task<LinkCheckSummary?> Run) : LinkCheckStart;

    /// <summary>A run is going already: this one.</summary>
    public sealed record AlreadyRunning(LinkCheckProgress Progress) : LinkCheckStart;
}
