using Caicaini.Shared.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caicaini.Shared.Jobs;

/// <summary>
/// Background work that runs every <see cref="Interval"/> in every Host instance. Implementations must be
/// safe to run concurrently in several instances (row locks, SKIP LOCKED, unique references): there is
/// no leader. A failing run is logged and retried at the next tick; the loop never dies.
/// </summary>
public abstract class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    protected virtual bool Enabled => true;

    /// <summary>One pass; returns how many items it handled (for the log).</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled || StartupGuard.IsDesignTimeTool) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = await RunOnceAsync(stoppingToken);
                if (handled > 0) logger.LogInformation("{Job} handled {Count} item(s)", GetType().Name, handled);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "{Job} failed; it runs again in {Interval}", GetType().Name, Interval);
            }

            try { await Task.Delay(Interval, Clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
