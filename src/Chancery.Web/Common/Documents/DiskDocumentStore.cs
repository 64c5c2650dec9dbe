using Chancery.Web.Data;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Common.Documents;

/// <summary>Files in a folder, one per document, named by a random key (never by the uploaded name, so
/// no name can reach outside the folder), spread over 256 sub-folders.</summary>
public sealed class DiskDocumentStore(IOptions<DocumentOptions> options) : IDocumentStore
{
    private readonly string _root = DataLocation.Resolve(options.Value.Folder);

    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString("N");
        var path = PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, ct);
        return key;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct) =>
        Task.FromResult<Stream?>(PathOf(key) is { } path && File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        if (PathOf(key) is { } path && File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    /// <summary>Only keys this store made (32 hex digits) name a file.</summary>
    private string? PathOf(string key) =>
        key.Length == 32 && key.All(Uri.IsHexDigit) ? Path.Combine(_root, key[..2], key) : null;
}
