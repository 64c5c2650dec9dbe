using Microsoft.Extensions.Logging;

namespace Chancery.Tests.Infrastructure;

/// <summary>With CHANCERY_TEST_APP_LOG set to a file, every test app's warnings and errors (with their
/// exceptions) are appended to it: what a failing page or request logged on the server side, which a
/// test only sees as a status code.</summary>
public sealed class FileLogProvider(string path) : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public static string? PathFromEnvironment => Environment.GetEnvironmentVariable("CHANCERY_TEST_APP_LOG") is { Length: > 0 } p ? p : null;

    public ILogger CreateLogger(string categoryName) => new FileLogger(path, categoryName);

    public void Dispose() { }

    private sealed class FileLogger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var text = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{Environment.NewLine}"
                + (exception is null ? "" : exception + Environment.NewLine);
            lock (Gate) File.AppendAllText(path, text);
        }
    }
}
