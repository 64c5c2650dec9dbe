using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Data;

/// <summary>The one database of Chancery. Provider-specific subclasses exist only so each provider
/// keeps its own migrations; the model is defined here, once.</summary>
public abstract class ChanceryDbContext : IdentityDbContext<ChanceryUser, IdentityRole, string>, IDataProtectionKeyContext
{
    public const string ClassificationFilter = "classification";
    /// <summary>The filter that hides records in the bin (<see cref="ISoftDeletable"/>); the bin itself
    /// lifts only this one (<see cref="RecordBin.InBin{T}"/>), never the classification filter.</summary>
    public const string DeletedFilter = "deleted";

    protected ChanceryDbContext(DbContextOptions options) : base(options) { }

    /// <summary>Who reads and writes through this context. Contexts are pooled, so this is set each
    /// time one is handed to a request (DatabaseServiceCollectionExtensions); until then it is
    /// <see cref="AnonymousUser"/>, who sees only public records.</summary>
    public ICurrentUser CurrentUser { get; set; } = AnonymousUser.Instance;

    /// <summary>The reader's clearance, read by the classification query filter on every query.</summary>
    public ClassificationLevel Clearance => CurrentUser.Clearance;

    // The kernel's own tables. Each module declares its tables beside its entities, as extension
    // properties of this context (e.g. Partners/PartnerTables.cs), so a new module touches no file here.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Common.Import.PendingImport> PendingImports => Set<Common.Import.PendingImport>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ChanceryDbContext).Assembly);
        ApplyClassificationFilters(builder);
        ApplyBinFilters(builder);
    }

    /// <summary>The bin mechanism for reads: every entity that can go to the bin gets a second named filter
    /// hiding it while it is there, so every read path (and every navigation to it) forgets deleted records
    /// without each query saying so. Both filters apply together; lifting one leaves the other.</summary>
    private static void ApplyBinFilters(ModelBuilder builder)
    {
        var method = typeof(ChanceryDbContext).GetMethod(nameof(HideDeleted),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ISoftDeletable).IsAssignableFrom(e.ClrType)))
            method.MakeGenericMethod(entity.ClrType).Invoke(null, [builder]);
    }

    private static void HideDeleted<T>(ModelBuilder builder) where T : class, ISoftDeletable
    {
        var entity = builder.Entity<T>();
        entity.HasQueryFilter(DeletedFilter, e => e.DeletedAt == null);
        entity.Property(e => e.DeletedBy).HasMaxLength(256);
    }

    /// <summary>The classification mechanism for reads: every entity that carries a level gets a named
    /// query filter comparing it with the reader's clearance, so every LINQ query (lists, details,
    /// search, counts, exports, the API) sees only what the reader may. It guards the records that
    /// carry a level; what is derived from them without one (people named in a record, office periods,
    /// raw SQL that skips the filter) is not covered by it and needs its own rule.</summary>
    private void ApplyClassificationFilters(ModelBuilder builder)
    {
        var method = typeof(ChanceryDbContext).GetMethod(nameof(FilterByClearance),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IClassified).IsAssignableFrom(e.ClrType)))
            method.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
    }

    private void FilterByClearance<T>(ModelBuilder builder) where T : class, IClassified =>
        builder.Entity<T>().HasQueryFilter(ClassificationFilter, e => e.Classification <= Clearance);
}
