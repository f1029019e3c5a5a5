using HangfireLogLevel = Hangfire.Logging.LogLevel;

namespace PracticeSuite.Platform.Jobs;

/// <summary>
/// Hangfire's logging, which is process-wide (its classes keep their loggers in static fields), routed to the
/// logging of the host that configured Hangfire last. Hangfire's own ASP.NET Core provider would tie those static
/// loggers to the first host's logger factory for the life of the process, so every later host in the same process
/// (the tests start many) failed on a disposed factory. A message logged while no host's logging is available is
/// dropped rather than thrown.
/// </summary>
internal sealed class HangfireLogProvider : Hangfire.Logging.ILogProvider
{
    public static readonly HangfireLogProvider Instance = new();

    private volatile ILoggerFactory? _factory;

    private HangfireLogProvider()
    {
    }

    public void Attach(ILoggerFactory factory) => _factory = factory;

    public Hangfire.Logging.ILog GetLogger(string name) => new Logger(this, name);

    private sealed class Logger(HangfireLogProvider provider, string name) : Hangfire.Logging.ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (provider._factory is not { } factory)
            {
                return false;
            }

            try
            {
                var logger = factory.CreateLogger(name);
                var level = logLevel switch
                {
                    HangfireLogLevel.Trace => LogLevel.Trace,
                    HangfireLogLevel.Debug => LogLevel.Debug,
                    HangfireLogLevel.Info => LogLevel.Information,
                    HangfireLogLevel.Warn => LogLevel.Warning,
                    HangfireLogLevel.Error => LogLevel.Error,
                    _ => LogLevel.Critical,
                };
                if (!logger.IsEnabled(level) || messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                logger.Log(level, default, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false; // that host has stopped; its successor attaches its own logging
            }
        }
    }
}
