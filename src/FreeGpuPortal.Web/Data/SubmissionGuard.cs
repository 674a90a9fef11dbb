using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Data;

/// <summary>
/// What every visitor submission (a hardware report, a suggestion) goes through before it is stored: the honeypot,
/// one save at a time, and the duplicate window in which the same submission is stored once. Each feature owns one
/// guard, so its saves queue only behind its own.
/// </summary>
public sealed class SubmissionGuard(IDbContextFactory<CatalogDbContext> contextFactory)
{
    /// <summary>How long the same submission counts as one: a resubmission within it is not stored again.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromDays(1);

    /// <summary>Saves run one at a time, so two identical submissions arriving together still store one.</summary>
    private readonly SemaphoreSlim _saveGate = new(1, 1);

    /// <summary>
    /// A filled honeypot: the form's hidden field that people never see and form-filling scripts fill. Such a
    /// submission is discarded quietly.
    /// </summary>
    public static bool IsFromScript(string? honeypot) => !string.IsNullOrEmpty(honeypot);

    /// <summary>
    /// Stores a submission once: <paramref name="findEarlier"/> looks for the same submission stored since the start
    /// of the duplicate window (a reload, a double click or a stale tab sending it again) and gives its key; only when
    /// there is none does <paramref name="store"/> add it and give the new key.
    /// </summary>
    public async Task<StoredSubmission<TKey>> StoreOnceAsync<TKey>(
        DateTime submittedAtUtc,
        Func<CatalogDbContext, DateTime, CancellationToken, Task<List<TKey>>> findEarlier,
        Func<CatalogDbContext, CancellationToken, Task<TKey>> store,
        CancellationToken cancellationToken)
    {
        await _saveGate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var earlier = await findEarlier(db, submittedAtUtc - DuplicateWindow, cancellationToken);
            if (earlier.Count > 0)
            {
                return new StoredSubmission<TKey>(earlier[0], Repeated: true);
            }

            return new StoredSubmission<TKey>(await store(db, cancellationToken), Repeated: false);
        }
        finally
        {
            _saveGate.Release();
        }
    }
}

/// <summary>The key of a stored submission; <paramref name="Repeated"/> when it was stored before and not again.</summary>
public sealed record StoredSubmission<TKey>(TKey Key, bool Repeated);
