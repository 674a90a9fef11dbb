using System.Globalization;
using System.Text;

namespace FreeGpuPortal.Soak;

/// <summary>
/// The run in Markdown: totals per kind, a table per period, and the goals — 0 5xx (and no unanswered request), RSS
/// after warm-up grows less than 10 %, the public views' p99 in every minute within 2× the first minute's — plus the
/// history rows against the saves made and the exit code on SIGTERM.
/// </summary>
public sealed class SoakSummary(
    SoakOptions options,
    LatencyRecorder recorder,
    IReadOnlyList<SampleRow> rows,
    int savesConfirmed,
    int savesFailed,
    HistoryCheck history,
    int? exitCode)
{
    public string Write()
    {
        var text = new StringBuilder();
        var seconds = rows.Count > 0 ? rows[^1].ElapsedSeconds : 0;
        Line(text, $"## Soak summary: {seconds / 60:0.#} min, {options.RequestsPerSecond} requests/s offered (at most {options.MaxConcurrency} in flight), an admin save every {options.SaveInterval.TotalSeconds:0} s");
        text.AppendLine();
        Line(text, $"Processor count {Environment.ProcessorCount}; 1-minute load average during the run: mean {Mean(rows.Select(r => r.LoadAverage)):0.00}, max {rows.Select(r => r.LoadAverage).DefaultIfEmpty().Max():0.00}.");
        text.AppendLine();
        text.AppendLine("| kind | requests | p50 | p99 |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            var all = recorder.Between(kind, 0, double.MaxValue);
            var count = all.Count;
            Line(text, $"| {kind} | {count:N0} | {Ms(LatencyRecorder.Percentile(all, 50))} | {Ms(LatencyRecorder.Percentile(all, 99))} |");
        }

        text.AppendLine();
        var minutes = (int)Math.Ceiling(seconds / 60);
        var step = Math.Max(1, minutes / 10);
        Line(text, $"Per {step} min (latencies of all requests in the period; RSS, GC heap and circuits held in memory at its end; load average its mean):");
        text.AppendLine();
        text.AppendLine("| minutes | view p50 | view p99 | JSON p99 | CSV p99 | parse p99 | save p50 | 5xx | RSS MB | GC heap MB | circuits | load |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var start = 0; start < minutes; start += step)
        {
            double from = start * 60, to = Math.Min(minutes, start + step) * 60;
            var period = rows.Where(r => r.ElapsedSeconds > from && r.ElapsedSeconds <= to + 1).ToList();
            if (period.Count == 0)
            {
                continue;
            }

            var views = recorder.Between(RequestKind.View, from, to);
            Line(text, $"| {start}–{Math.Min(minutes, start + step)} | {Ms(LatencyRecorder.Percentile(views, 50))} | {Ms(LatencyRecorder.Percentile(views, 99))} "
                + $"| {Ms(P99(RequestKind.ApiJson, from, to))} | {Ms(P99(RequestKind.ApiCsv, from, to))} | {Ms(P99(RequestKind.Parse, from, to))} "
                + $"| {Ms(LatencyRecorder.Percentile(recorder.Between(RequestKind.AdminSave, from, to), 50))} | {period.Sum(r => r.ServerErrors)} "
                + $"| {period[^1].ResidentMegabytes:0} | {period[^1].GcHeapMegabytes:0.0} | {period[^1].ActiveCircuits:0} | {Mean(period.Select(r => r.LoadAverage)):0.00} |");
        }

        text.AppendLine();
        Line(text, $"Requests: {recorder.ServerErrors} answered 5xx, {recorder.Failures} without an answer, {recorder.ClientErrors} answered 4xx.");
        Line(text, $"Admin saves: {savesConfirmed} confirmed by the page, {savesFailed} failed; history rows with the soak's note: {history.RowsWithSoakNote}, of which {history.ConfirmedSavesFound} are the confirmed saves; {history.DuplicateNotes} duplicated.");
        Line(text, $"Exit code after SIGTERM: {(exitCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : "none (killed after 60 s)")}.");
        text.AppendLine();

        Goal(text, "0 5xx and no unanswered request", recorder.ServerErrors == 0 && recorder.Failures == 0, $"{recorder.ServerErrors} 5xx, {recorder.Failures} unanswered");
        Goal(text, "RSS after warm-up grows < 10 %", RssGrowth(out var detail) < 0.10, detail);
        Goal(text, "p99 of public views within 2× the first minute's", ViewsP99WithinTwiceFirstMinute(minutes, out var p99Detail), p99Detail);
        // A save that timed out in the browser may still have been committed: it may add a row, never lose one.
        Goal(text, "history rows = saves made", savesConfirmed > 0 && history.ConfirmedSavesFound == savesConfirmed && history.DuplicateNotes == 0
            && history.RowsWithSoakNote >= savesConfirmed && history.RowsWithSoakNote <= savesConfirmed + savesFailed,
            $"{savesConfirmed} confirmed saves all in the history, {history.RowsWithSoakNote} rows for {savesConfirmed + savesFailed} attempts");
        Goal(text, "clean exit on SIGTERM", exitCode == 0, $"exit code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        return text.ToString();
    }

    /// <summary>Mean RSS of the last three samples against the first three after warm-up (a fifth of the run, at most 5 min).</summary>
    private double RssGrowth(out string detail)
    {
        var warmUp = Math.Min(300, rows.Count > 0 ? rows[^1].ElapsedSeconds / 5 : 0);
        var after = rows.Where(r => r.ElapsedSeconds >= warmUp).ToList();
        if (after.Count < 6)
        {
            detail = "too few samples";
            return double.PositiveInfinity;
        }

        var baseline = Mean(after.Take(3).Select(r => r.ResidentMegabytes));
        var end = Mean(after.TakeLast(3).Select(r => r.ResidentMegabytes));
        var growth = (end / baseline) - 1;
        detail = FormattableString.Invariant($"{baseline:0} MB after {warmUp:0} s warm-up → {end:0} MB at the end ({growth * 100:+0.0;-0.0} %), max {after.Max(r => r.ResidentMegabytes):0} MB");
        return growth;
    }

    private bool ViewsP99WithinTwiceFirstMinute(int minutes, out string detail)
    {
        var first = LatencyRecorder.Percentile(recorder.Between(RequestKind.View, 0, 60), 99);
        var worst = 0.0;
        var worstMinute = 0;
        for (var minute = 1; minute < minutes; minute++)
        {
            var values = recorder.Between(RequestKind.View, minute * 60, (minute + 1) * 60);
            if (values.Count < 100)
            {
                continue; // a last, partial minute with too few requests for a p99
            }

            var p99 = LatencyRecorder.Percentile(values, 99);
            if (p99 > worst)
            {
                worst = p99;
                worstMinute = minute;
            }
        }

        detail = FormattableString.Invariant($"first minute {first:0.0} ms, worst later minute {worst:0.0} ms (minute {worstMinute + 1})");
        return !double.IsNaN(first) && worst <= 2 * first;
    }

    private double P99(RequestKind kind, double from, double to) => LatencyRecorder.Percentile(recorder.Between(kind, from, to), 99);

    private static void Goal(StringBuilder text, string goal, bool met, string detail) =>
        Line(text, $"- {goal}: {(met ? "**PASS**" : "**FAIL**")} ({detail})");

    private static void Line(StringBuilder text, string line) => text.AppendLine(line);

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
