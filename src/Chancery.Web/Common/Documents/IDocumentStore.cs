namespace Chancery.Web.Common.Documents;

/// <summary>Where uploaded files' bytes are kept, behind one interface so a module never knows which:
/// a folder on disk by default (<see cref="DiskDocumentStore"/>), or a table of the database
/// (<see cref="DatabaseDocumentStore"/>) where several instances share one PostgreSQL database and any
/// of them must serve any file. The metadata (name, type, size, SHA-256, who may read it) is the
/// module's; the store holds bytes under an opaque key.</summary>
public interface IDocumentStore
{
    /// <summary>Keeps the content and answers the key to read it back with.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken ct);

    /// <summary>The content kept under <paramref name="key"/>, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}

public sealed class DocumentOptions
{
    public const string Section = "Documents";
    /// <summary><c>disk</c> (default) or <c>database</c>.</summary>
    public string Store { get; set; } = "disk";
    /// <summary>The folder of the disk store; relative paths are taken from the repository's root (DataLocation).</summary>
    public string Folder { get; set; } = "data/documents";
    /// <summary>Largest file accepted, in bytes (default 25 MiB).</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;
}
