using System.Collections.Concurrent;

using Serilog.Core;
using Serilog.Events;

namespace FreeGpuPortal.Testing;

/// <summary>Every log event the app writes, rendered and with its properties.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Security(string eventType) =>
        [.. Events.Where(e => e.Properties.TryGetValue("EventType", out var type) && Scalar(type) == eventType)];

    public static string? Scalar(LogEventPropertyValue? value) => (value as ScalarValue)?.Value?.ToString();

    /// <summary>The whole event as text: message, exception and every property, to search for leaks.</summary>
    public static string Everything(LogEvent e) =>
        e.RenderMessage() + " " + e.Exception + " " + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}"));
}
