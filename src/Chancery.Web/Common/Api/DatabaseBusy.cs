using Npgsql;

namespace Chancery.Web.Common.Api;

/// <summary>The database could not take the request now: PostgreSQL refused the connection because all its
/// connections are taken (53300) or it is starting or stopping (57P03), or the instance's own pool had no
/// connection free within its timeout. Under overload this is a "come back shortly", not a fault of the
/// app: it is answered 503 with Retry-After (<see cref="ErrorHandling"/>), never 500.</summary>
public static class DatabaseBusy
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception? error)
    {
        // EF Core and the page renderer may wrap the provider's exception.
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg) return pg.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow;
            // Npgsql reports an exhausted pool (and a connection attempt that timed out) as an
            // NpgsqlException around a TimeoutException.
            if (e is NpgsqlException { InnerException: TimeoutException }) return true;
        }
        return false;
    }
}
