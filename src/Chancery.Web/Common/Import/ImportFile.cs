namespace Chancery.Web.Common.Import;

public enum ImportFormat
{
    Csv = 1,
    Xlsx = 2,
}

/// <summary>An uploaded file, bounded in size: either held in memory (a page's upload, the seed files)
/// or spooled to a temporary file (an API upload), so that a large import does not hold the whole file
/// in server memory while it is read and stored. Dispose it to delete the temporary file.</summary>
public sealed class ImportFile : IDisposable
{
    private readonly byte[]? _bytes;
    private readonly FileStream? _spool;

    public ImportFile(string fileName, ImportFormat format, byte[] content)
    {
        FileName = fileName;
        Format = format;
        _bytes = content;
        Length = content.Length;
    }

    private ImportFile(string fileName, ImportFormat format, FileStream spool)
    {
        FileName = fileName;
        Format = format;
        _spool = spool;
        Length = spool.Length;
    }

    public string FileName { get; }
    public ImportFormat Format { get; }
    public long Length { get; }

    /// <summary>A new stream over the whole file (each reader gets its own).</summary>
    public Stream OpenRead() => _bytes is not null
        ? new MemoryStream(_bytes, writable: false)
        : new FileStream(_spool!.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 65536);

    /// <summary>The whole file in memory (to keep an upload between its preview and its confirmation).</summary>
    public byte[] ReadAllBytes()
    {
        if (_bytes is not null) return _bytes;
        using var stream = OpenRead();
        using var copy = new MemoryStream((int)Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Copies a stream into a temporary file, or answers null once it passes <paramref name="limit"/> bytes.</summary>
    public static async Task<ImportFile?> SpoolAsync(string fileName, ImportFormat format, Stream source, long limit, CancellationToken ct)
    {
        var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"chancery-import-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 65536, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[65536];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                if (spool.Length + read > limit)
                {
                    await spool.DisposeAsync();
                    return null;
                }
                await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            await spool.FlushAsync(ct);
            return new ImportFile(fileName, format, spool);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    public static ImportFormat FormatOf(string? fileName, string? contentType)
    {
        if (fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true) return ImportFormat.Xlsx;
        if (contentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) == true) return ImportFormat.Xlsx;
        return ImportFormat.Csv;
    }

    public void Dispose() => _spool?.Dispose();
}
