using System.Reflection;

using Microsoft.Playwright;

using Xunit.Sdk;

[assembly: FreeGpuPortal.BrowserTests.FailOnBrowserErrors]

namespace FreeGpuPortal.BrowserTests;

/// <summary>
/// What went wrong in the browser during one test: console errors, uncaught page errors and Blazor's "unhandled error"
/// bar, each with the page it happened on. <see cref="FailOnBrowserErrorsAttribute"/> (on the whole assembly) starts a
/// record before each test and fails the test after it when the record holds an error the test did not declare with
/// <see cref="Expect"/>. A test that provokes an error on purpose (a refused request, a blocked script) declares it;
/// nothing else may appear.
/// </summary>
public static class BrowserErrors
{
    /// <summary>Marks the bar's appearance in the console, where the watch below reads it.</summary>
    public const string UnhandledErrorBar = "Blazor's unhandled error bar is shown";

    // Runs in every page before its own scripts: Blazor shows #blazor-error-ui by setting its inline style to
    // display: block, which no console message is guaranteed to accompany, so the bar reports itself. (The computed
    // style is no test: the bar is a plain block until the stylesheet that hides it has loaded.)
    private const string BarWatch = """
        (() => {
            const check = () => {
                const bar = document.getElementById('blazor-error-ui');
                if (bar && !bar.dataset.watchReported && bar.style.display === 'block') {
                    bar.dataset.watchReported = 'true';
                    console.error('Blazor\'s unhandled error bar is shown: ' + bar.innerText.trim());
                }
            };
            new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class'] });
        })();
        """;

    private static readonly AsyncLocal<TestRecord?> Current = new();

    /// <summary>
    /// Declares an error the running test provokes on purpose: any error whose text contains
    /// <paramref name="fragment"/> does not fail it.
    /// </summary>
    public static void Expect(string fragment) =>
        (Current.Value ?? throw new InvalidOperationException("No test is running.")).Expect(fragment);

    /// <summary>The errors seen so far in the running test, expected or not.</summary>
    public static IReadOnlyList<string> SeenSoFar => Current.Value?.All ?? [];

    /// <summary>Watches every page of <paramref name="context"/> on behalf of the running test.</summary>
    public static async Task WatchAsync(IBrowserContext context)
    {
        // A context made outside a test (a fixture warming up) belongs to no test's record.
        if (Current.Value is not { } record)
        {
            return;
        }

        await context.AddInitScriptAsync(BarWatch);
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                record.Add(message.Page?.Url, message.Text);
            }
        };
        context.WebError += (_, error) => record.Add(error.Page?.Url, "uncaught: " + error.Error);
    }

    internal static void Begin(string test) => Current.Value = new TestRecord(test);

    internal static TestRecord? End()
    {
        var record = Current.Value;
        Current.Value = null;
        return record;
    }

    internal sealed class TestRecord(string test)
    {
        private readonly List<string> _expected = [];
        private readonly List<(string Page, string Message)> _errors = [];

        public IReadOnlyList<string> All
        {
            get
            {
                lock (_errors)
                {
                    return [.. _errors.Select(e => $"{e.Page}: {e.Message}")];
                }
            }
        }

        public void Expect(string fragment)
        {
            lock (_errors)
            {
                _expected.Add(fragment);
            }
        }

        public void Add(string? page, string message)
        {
            lock (_errors)
            {
                _errors.Add((page ?? "(no page)", message));
            }
        }

        public IReadOnlyList<string> Unexpected()
        {
            lock (_errors)
            {
                return [.. _errors
                    .Where(e => !_expected.Any(fragment => e.Message.Contains(fragment, StringComparison.Ordinal)))
                    .Select(e => $"{e.Page}: {e.Message}")];
            }
        }

        public string Test => test;
    }
}

/// <summary>Fails a test after which <see cref="BrowserErrors"/> holds an error it did not expect.</summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FailOnBrowserErrorsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) =>
        BrowserErrors.Begin($"{methodUnderTest.DeclaringType?.Name}.{methodUnderTest.Name}");

    public override void After(MethodInfo methodUnderTest)
    {
        if (BrowserErrors.End() is { } record && record.Unexpected() is { Count: > 0 } errors)
        {
            throw new XunitException(
                $"{record.Test}: the browser reported {errors.Count} error(s) the test did not expect:\n  "
                + string.Join("\n  ", errors));
        }
    }
}
