using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.IntegrationTests.Observability;

/// <summary>
/// A logger provider that keeps every line as the whole of what any sink could print: category, formatted message,
/// every structured value, every scope value and the exception text.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            Append(line, state);
            owner._scopes.ForEachScope((scope, text) => Append(text.Append(" scope:"), scope), line);
            line.Append(' ').Append(exception);
            owner._lines.Enqueue(line.ToString());
        }

        private static void Append(StringBuilder line, object? state)
        {
            line.Append(' ').Append(state);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append(' ').Append(key).Append('=').Append(value);
                }
            }
        }
    }
}
