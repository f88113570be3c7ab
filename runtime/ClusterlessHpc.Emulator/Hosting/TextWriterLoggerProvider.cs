using System;
using System.IO;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.Hosting
{
    /// <summary>
    /// Writes the emulator's log to a <see cref="TextWriter"/> (<see cref="BatchEmulatorOptions.LogWriter"/>), one line per
    /// message in the command line's own style (<c>warning: ...</c>), at once rather than from a background queue, so a
    /// host's own output and the emulator's stay in order. An exception adds its message; its stack trace only when
    /// verbose, since a stack trace means nothing to a user who did not ask for one.
    /// </summary>
    internal sealed class TextWriterLoggerProvider : ILoggerProvider
    {
        private readonly TextWriter _writer;
        private readonly bool _stackTraces;

        public TextWriterLoggerProvider(TextWriter writer, bool stackTraces)
        {
            _writer = writer;
            _stackTraces = stackTraces;
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
            // The writer belongs to the host.
        }

        private void Write(LogLevel level, string message, Exception? exception)
        {
            var line = Prefix(level) + message;
            if (exception is not null) line += _stackTraces ? Environment.NewLine + exception : $" ({exception.GetType().Name}: {exception.Message})";
            lock (_writer)
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }

        private static string Prefix(LogLevel level) => level switch
        {
            LogLevel.Trace => "trace: ",
            LogLevel.Debug => "debug: ",
            LogLevel.Information => "",
            LogLevel.Warning => "warning: ",
            LogLevel.Error => "error: ",
            _ => "critical: ",
        };

        private sealed class Logger : ILogger
        {
            private readonly TextWriterLoggerProvider _provider;

            public Logger(TextWriterLoggerProvider provider) => _provider = provider;

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            // The logging infrastructure has applied the level filters before asking.
            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                _provider.Write(logLevel, formatter(state, exception), exception);
            }
        }
    }
}
