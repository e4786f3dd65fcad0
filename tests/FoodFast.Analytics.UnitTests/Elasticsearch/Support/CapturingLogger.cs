using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>Keeps every formatted log line, to assert on what was (and was not) logged.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}
