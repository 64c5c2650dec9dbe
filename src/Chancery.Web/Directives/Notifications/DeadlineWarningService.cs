using Microsoft.Extensions.Options;

namespace Chancery.Web.Directives.Notifications;

/// <summary>Runs the deadline warnings and the mail delivery on a timer driven by the registered
/// <see cref="TimeProvider"/>. Several instances may run it at once: the ledger and the mail claims make
/// each warning and each mail go out once.</summary>
public sealed class DeadlineWarningService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options,
    ILogger<DeadlineWarningService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.RunEveryMinutes;
        if (minutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeadlineNotifier>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<MailSender>().DeliverAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "The deadline warnings failed; the next run tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
