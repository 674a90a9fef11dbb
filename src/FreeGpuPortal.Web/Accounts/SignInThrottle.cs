using System.Collections.Concurrent;

using FreeGpuPortal.Web.Hosting;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Limits what an attacker does — failed sign-in attempts (wrong password, unknown account, wrong or reused code) —
/// per client address, in a fixed window: "RateLimits:SignIn" (Permits and WindowSeconds, or PermitPerMinute; default
/// 10 failures in 10 minutes). Reading the sign-in pages and signing in successfully never count, so admins signing in
/// normally (password, then code) are never stopped. Complements the per-account lockout, which stops guessing one
/// account's password from many addresses.
/// </summary>
public sealed class SignInThrottle(IConfiguration configuration, TimeProvider timeProvider)
{
    private const int MaxTrackedAddresses = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeSpan _length = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue(
        "RateLimits:SignIn:WindowSeconds", configuration["RateLimits:SignIn:PermitPerMinute"] is null ? 600 : 60)));
    private readonly int _permits = Math.Max(1, configuration.GetValue(
        "RateLimits:SignIn:Permits", configuration.GetValue("RateLimits:SignIn:PermitPerMinute", 10)));

    /// <summary>Whether <paramref name="address"/> has used up its failures; if so, when it may try again.</summary>
    public bool IsBlocked(string address, out TimeSpan retryAfter)
    {
        var now = timeProvider.GetUtcNow();
        if (_windows.TryGetValue(address, out var window) && now < window.Start + _length && window.Failures >= _permits)
        {
            retryAfter = window.Start + _length - now;
            return true;
        }

        retryAfter = TimeSpan.Zero;
        return false;
    }

    public void RecordFailure(string address)
    {
        var now = timeProvider.GetUtcNow();
        if (_windows.Count > MaxTrackedAddresses)
        {
            foreach (var (key, old) in _windows)
            {
                if (now >= old.Start + _length)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }

        _windows.AddOrUpdate(
            address,
            _ => new Window(now, 1),
            (_, window) => now >= window.Start + _length ? new Window(now, 1) : window with { Failures = window.Failures + 1 });
    }

    /// <summary>The address a request comes from, as the throttle counts it.</summary>
    public static string AddressOf(HttpContext? context) => SecurityEventLog.ClientIp(context);

    private sealed record Window(DateTimeOffset Start, int Failures);
}
