namespace Chancery.Web.Common.Ui;

/// <summary>A read on a database context of its own, for components that load their data while others
/// on the same page do (page sections and pickers initialise side by side, and a form's save may run
/// meanwhile). The request's context takes one query at a time: SQLite happens to finish each before
/// the next starts, PostgreSQL answers the second with an error. The new scope reads as the same user
/// (the current user comes from the request), so the classification filter is the same.</summary>
public static class OwnContext
{
    public static async Task<T> ReadAsync<TService, T>(this IServiceScopeFactory scopes, Func<TService, Task<T>> read) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
