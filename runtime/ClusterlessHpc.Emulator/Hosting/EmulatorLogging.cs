using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.Hosting
{
    /// <summary>Where the emulator's log goes and what it holds: its own messages, and the framework's only when they matter.</summary>
    internal static class EmulatorLogging
    {
        public static void Configure(ILoggingBuilder logging, BatchEmulatorOptions settings)
        {
            if (settings.LogWriter is { } writer)
            {
                logging.ClearProviders();
                logging.AddProvider(new TextWriterLoggerProvider(writer, stackTraces: settings.Verbose));
            }
            logging.SetMinimumLevel(settings.MinimumLogLevel);
            // At Information, ASP.NET Core logs each request twice and the host says where it listens, which the
            // emulator says itself: the framework speaks only of problems, unless each request is asked for.
            var framework = settings.MinimumLogLevel > LogLevel.Warning ? settings.MinimumLogLevel : LogLevel.Warning;
            logging.AddFilter("Microsoft", framework);
            if (settings.Verbose) logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information);
            // A start that fails (a port in use) is thrown to whoever started the emulator, who says why; the host's own
            // report of it would only add a stack trace.
            logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        }
    }
}
