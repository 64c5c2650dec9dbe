using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Bin;

/// <summary>One deleted record as the bin lists it: its kind (the code in the bin's addresses and its
/// label in the reader's language), its name as its pages name it, a line that tells it apart (dates,
/// a side), its level, and when and by whom it was deleted.</summary>
public sealed record BinItem(string Kind, string KindLabel, int Id, string Name, string? Detail,
    ClassificationLevel? Classification, DateTime DeletedAt, string? DeletedBy);

/// <summary>A module's kind of record that goes to the bin (activities, people, framework events),
/// registered with <see cref="BinRegistration.AddBinSource{T}"/>: the kernel lists and restores through it
/// and names no module. A source reads through the classification filter: an administrator sees in
/// the bin only what their clearance allows.</summary>
public interface IBinSource
{
    /// <summary>The kind's code in the bin's addresses and filter ("activity").</summary>
    string Kind { get; }

    /// <summary>The kind in the reader's language.</summary>
    string Label { get; }

    /// <summary>Where the kind comes in the bin's filter.</summary>
    int Order { get; }

    Task<int> CountAsync(CancellationToken ct);

    /// <summary>The <paramref name="take"/> most recently deleted, newest first.</summary>
    Task<IReadOnlyList<BinItem>> NewestAsync(int take, CancellationToken ct);

    /// <summary>Takes a record out of the bin; not found when it is not in the bin or above the reader's
    /// clearance; invalid (with the reason as a problem code) when it cannot come back as it is.</summary>
    Task<WriteOutcome<BinItem>> RestoreAsync(int id, CancellationToken ct);
}

/// <summary>The shape of a module's <see cref="IBinSource"/> for one record type: the module says how a
/// deleted record is named (<see cref="ItemsAsync"/>) and what keeps it from coming back
/// (<see cref="CheckRestoreAsync"/>); listing, counting and restoring are the same for every kind.</summary>
public abstract class BinSource<T>(ChanceryDbContext db) : IBinSource where T : class, ISoftDeletable
{
    public abstract string Kind { get; }
    public abstract string Label { get; }
    public abstract int Order { get; }

    protected ChanceryDbContext Db => db;

    /// <summary>The records of this kind in the bin, under the classification filter.</summary>
    protected IQueryable<T> Deleted => db.Set<T>().AsNoTracking().InBin();

    public Task<int> CountAsync(CancellationToken ct) => Deleted.CountAsync(ct);

    public async Task<IReadOnlyList<BinItem>> NewestAsync(int take, CancellationToken ct) =>
        // Sorted again once named: a source's projection (a join to the partner) need not keep the query's order.
        (await ItemsAsync(Deleted.OrderByDescending(r => r.DeletedAt).ThenByDescending(r => r.Id).Take(take), ct))
            .OrderByDescending(i => i.DeletedAt).ThenByDescending(i => i.Id).ToList();

    /// <summary>The bin's lines for these deleted records.</summary>
    protected abstract Task<IReadOnlyList<BinItem>> ItemsAsync(IQueryable<T> records, CancellationToken ct);

    /// <summary>What keeps a record from coming back (a leader still in the bin, a name taken meanwhile).</summary>
    protected virtual Task CheckRestoreAsync(T record, Problems problems, CancellationToken ct) => Task.CompletedTask;

    public async Task<WriteOutcome<BinItem>> RestoreAsync(int id, CancellationToken ct)
    {
        var record = await db.Set<T>().InBin().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return WriteOutcome<BinItem>.NotFound();
        var item = (await ItemsAsync(Deleted.Where(r => r.Id == id), ct)).Single();
        var problems = new Problems();
        await CheckRestoreAsync(record, problems, ct);
        if (problems.Any)
        {
            db.ChangeTracker.Clear();
            return WriteOutcome<BinItem>.Invalid(problems);
        }
        record.DeletedAt = null;
        record.DeletedBy = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Restored (or changed) by someone else meanwhile: it is no longer the record in the bin.
            db.ChangeTracker.Clear();
            return WriteOutcome<BinItem>.NotFound();
        }
        return WriteOutcome<BinItem>.Saved(item);
    }

    protected BinItem Item(int id, string name, string? detail, ClassificationLevel? level, DateTime? deletedAt, string? deletedBy) =>
        new(Kind, Label, id, name, detail, level, DateTime.SpecifyKind(deletedAt ?? default, DateTimeKind.Utc), deletedBy);
}

/// <summary>Every module's bin sources, by kind, in their order.</summary>
public sealed class BinSources(IEnumerable<IBinSource> sources)
{
    public IReadOnlyList<IBinSource> All { get; } = sources.OrderBy(s => s.Order).ToList();

    public IBinSource? Find(string? kind) => All.FirstOrDefault(s => string.Equals(s.Kind, kind, StringComparison.OrdinalIgnoreCase));
}

public static class BinRegistration
{
    /// <summary>Registers a module's kind of record that goes to the bin (scoped: it reads as the current reader).</summary>
    public static IServiceCollection AddBinSource<T>(this IServiceCollection services) where T : class, IBinSource =>
        services.AddScoped<IBinSource, T>();
}
