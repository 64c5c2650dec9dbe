using Chancery.Web.Common.Audit;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Common.Documents;

/// <summary>A document's bytes in the database, for several instances sharing one PostgreSQL database
/// (<c>Documents:Store=database</c>): every instance reads the same table. Not audited (the bytes are no
/// record's values; the module audits its metadata and every download).</summary>
public sealed class StoredDocument : INotAudited
{
    public required string Key { get; set; }
    public required byte[] Content { get; set; }
}

public sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> builder)
    {
        builder.ToTable("stored_documents");
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).HasMaxLength(40);
    }
}

/// <summary>Reads and writes on a context of its own, so a module's pending changes are never saved with the bytes.</summary>
public sealed class DatabaseDocumentStore(IServiceScopeFactory scopes) : IDocumentStore
{
    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString("N");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        db.Set<StoredDocument>().Add(new StoredDocument { Key = key, Content = buffer.ToArray() });
        await db.SaveChangesAsync(ct);
        return key;
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var content = await db.Set<StoredDocument>().AsNoTracking().Where(d => d.Key == key).Select(d => d.Content).SingleOrDefaultAsync(ct);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        await db.Set<StoredDocument>().Where(d => d.Key == key).ExecuteDeleteAsync(ct);
    }
}
