using Chancery.Web.Common.Writing;

namespace Chancery.Web.Common.Bin;

/// <summary>What keeps a record of one module out of the bin because another module's records still name
/// it (activities led by a person). The owning module's writer asks every guard of its type before a
/// delete, without knowing the modules that register them (a module may not read the modules that read it).
/// A guard counts through the reader's clearance and says nothing about records the reader may not see.</summary>
public interface IDeleteGuard<T> where T : class, ISoftDeletable
{
    /// <summary>Adds a problem (field "id") for each reason the record with this key cannot go to the bin now.</summary>
    Task CheckAsync(int id, Problems problems, CancellationToken ct);
}

public static class DeleteGuardRegistration
{
    /// <summary>Registers a module's guard on another module's record type (scoped: it reads as the current reader).</summary>
    public static IServiceCollection AddDeleteGuard<T, TGuard>(this IServiceCollection services)
        where T : class, ISoftDeletable where TGuard : class, IDeleteGuard<T> =>
        services.AddScoped<IDeleteGuard<T>, TGuard>();
}
