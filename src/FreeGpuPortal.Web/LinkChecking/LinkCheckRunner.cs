namespace FreeGpuPortal.Web.LinkChecking;

// Running one link check at a time: the runner, starting, progress, summary and outcome.

/// <summary>
/// The one link-check run of this process at a time, whoever starts it: the schedule (<see cref="LinkCheckService"/>)
/// or an admin's "Check links now". A start while a run is going is refused with that run's progress, so a second
/// click, or a second admin, sees the run that is going instead of starting another. The run belongs to the app, not
/// to the page that started it: closing the page does not stop it, and every page open on the links list follows it
/// through <see cref="Changed"/>. Instances sharing one database each keep their own: two instances may check at the
/// same time, which costs the sites a second request per link and records each result once per run.
/// </summary>
public sealed class LinkCheckRunner(LinkCheckRun run, TimeProvider timeProvider, ILogger<LinkCheckRunner> logger) : IDisposable
{
    /// <summary>Cancelled when the app shuts down (the container disposes its singletons): a run going then stops unsaved.</summary>
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Who started a run the schedule started.</summary>
    public const string Scheduled = "schedule";

    private readonly Lock _lock = new();
    private LinkCheckProgress? _current;

    /// <summary>The run going now; null when none is.</summary>
    public LinkCheckProgress? Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>How the last run of this process ended: its summary, or null when it failed.</summary>
    public LinkCheckOutcome? Last { get; private set; }

    /// <summary>Raised when a run starts, checks a link, or ends; on the run's thread, so a page hops to its own.</summary>
    public event Action? Changed;

    /// <summary>Starts a run unless one is going; <paramref name="startedBy"/> is shown to whoever looks meanwhile.</summary>
    public LinkCheckStart TryStart(string startedBy)
    {
        TaskCompletionSource<LinkCheckSummary?> finished;
        lock (_lock)
        {
            if (_current is { } going)
            {
                return new LinkCheckStart.AlreadyRunning(going);
            }

            _current = new LinkCheckProgress(startedBy, timeProvider.GetUtcNow().UtcDateTime, 0, null);
            finished = new TaskCompletionSource<LinkCheckSummary?>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        Notify();
        _ = Task.Run(() => RunAsync(startedBy, finished));
        return new LinkCheckStart.Started(finished.Task);
    }

    private async Task RunAsync(string startedBy, TaskCompletionSource<LinkCheckSummary?> finished)
    {
        LinkCheckSummary? summary = null;
        try
        {
            logger.LogInformation("Link check started by {StartedBy}", startedBy);
            summary = await run.RunAsync(Report, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the run ends unfinished, and nothing of it was saved.
        }
        catch (Exception exception)
        {
            // One failed run (the database busy, say) must not stop the next ones; the page says it failed.
            logger.LogError(exception, "Link check run failed");
        }
        finally
        {
            lock (_lock)
            {
                Last = new LinkCheckOutcome(startedBy, timeProvider.GetUtcNow().UtcDateTime, summary);
                _current = null;
            }

            finished.TrySetResult(summary);
            Notify();
        }
    }

    private void Report(int checkedCount, int total)
    {
        lock (_lock)
        {
            if (_current is { } going)
            {
                _current = going with { Checked = checkedCount, Total = total };
            }
        }

        Notify();
    }

    /// <summary>Tells each follower; one that fails (a page closing meanwhile) neither stops the run nor the others.</summary>
    private void Notify()
    {
        foreach (var follower in Changed?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action)follower)();
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "A follower of the link check failed");
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}

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

/// <summary>A run going: who started it and when (UTC), and how far it got; <see cref="Total"/> is null until the links are read.</summary>
public sealed record LinkCheckProgress(string StartedBy, DateTime StartedAtUtc, int Checked, int? Total);

/// <summary>How a run went: links checked, and how many of them are broken or redirected now.</summary>
public sealed record LinkCheckSummary(int Checked, int Broken, int Redirected);

/// <summary>How a run ended: its summary, or null when it failed.</summary>
public sealed record LinkCheckOutcome(string StartedBy, DateTime FinishedAtUtc, LinkCheckSummary? Summary);
