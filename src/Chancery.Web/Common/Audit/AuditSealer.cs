namespace Chancery.Web.Common.Audit;

public sealed class AuditChainOptions
{
    public const string Section = "Audit";
    /// <summary>How often each instance tries to seal new entries (only one seals at a time); 0 turns the
    /// timer off (entries are then sealed by <c>audit seal</c> or the audit chain page).</summary>
    public int SealEverySeconds { get; set; } = 10;
}

/// <summary>Seals new audit entries on a timer (<see cref="AuditChain"/>). Every instance runs it; the
/// chain's lock lets one seal at a time, and the others find nothing left.</summary>
public sealed class AuditSealer(IServiceScopeFactory scopes, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<AuditChainOptions> options, ILogger<AuditSealer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.SealEverySeconds;
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // No request: the scope's user is the system, which the chain needs (it reads every level).
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditChain>().SealAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Sealing the audit trail failed; the next run tries again");
            }
        }
    }
}
