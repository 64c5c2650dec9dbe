using System.IO.Compression;
using System.Security.Cryptography;

namespace Chancery.Web.Common.Documents;

/// <summary>The kinds of file accepted: a signed text or an annex is a PDF or a Word document.</summary>
public enum AcceptedFormat { Pdf = 1, Docx = 2 }

/// <summary>An upload received and checked: spooled to a temporary file (deleted when disposed), with its
/// size and SHA-256, and its content matching the type it was declared as.</summary>
public sealed class CheckedDocument(FileStream content, AcceptedFormat format, long size, string sha256) : IAsyncDisposable
{
    public AcceptedFormat Format => format;
    public long Size => size;
    /// <summary>Lower-case hexadecimal.</summary>
    public string Sha256 => sha256;
    public string ContentType => format == AcceptedFormat.Pdf ? DocumentIntake.PdfType : DocumentIntake.DocxType;

    public Stream OpenRead()
    {
        content.Position = 0;
        return content;
    }

    public ValueTask DisposeAsync() => content.DisposeAsync();
}

/// <summary>The one check of an uploaded document, for every module: the declared type (by the name's
/// extension or the content type) must be PDF or DOCX, the content must be what it claims (magic bytes:
/// <c>%PDF-</c>; a ZIP holding <c>word/document.xml</c>), an executable (MZ, ELF) is refused whatever
/// its name, and the size is at most <see cref="DocumentOptions.MaxBytes"/>. Problems are codes of
/// <see cref="DocumentErrors"/>.</summary>
public static class DocumentIntake
{
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static AcceptedFormat? DeclaredFormat(string? fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension == ".pdf" || (extension == "" && contentType == PdfType)) return AcceptedFormat.Pdf;
        if (extension == ".docx" || (extension == "" && contentType == DocxType)) return AcceptedFormat.Docx;
        return null;
    }

    /// <summary>The checked document, or the code of the first problem (with its argument).</summary>
    public static async Task<(CheckedDocument? Document, string? Problem, object? Argument)> ReadAsync(
        Stream upload, string? fileName, string? contentType, long maxBytes, CancellationToken ct)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long size = 0;
            int read;
            while ((read = await upload.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                // Stops reading as soon as the limit is passed: an oversized upload is never kept whole.
                if (size > maxBytes) return Refuse(spool, DocumentErrors.TooLarge, maxBytes / (1024 * 1024));
                hash.AppendData(buffer, 0, read);
                await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            if (size == 0) return Refuse(spool, DocumentErrors.Empty, null);
            spool.Position = 0;
            var head = new byte[5];
            var got = await spool.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            // An executable is refused whatever it is called.
            if (got >= 2 && head[0] == 'M' && head[1] == 'Z' || got >= 4 && head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F')
                return Refuse(spool, DocumentErrors.Executable, null);
            var format = DeclaredFormat(fileName, contentType);
            if (format is null) return Refuse(spool, DocumentErrors.TypeNotAllowed, null);
            if (format == AcceptedFormat.Pdf && !(got == 5 && head.AsSpan().SequenceEqual("%PDF-"u8)))
                return Refuse(spool, DocumentErrors.NotPdf, null);
            if (format == AcceptedFormat.Docx && !IsWordDocument(spool, head, got)) return Refuse(spool, DocumentErrors.NotDocx, null);
            spool.Position = 0;
            return (new CheckedDocument(spool, format.Value, size, Convert.ToHexStringLower(hash.GetHashAndReset())), null, null);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    private static bool IsWordDocument(FileStream spool, byte[] head, int got)
    {
        if (got < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) return false;
        try
        {
            spool.Position = 0;
            using var zip = new ZipArchive(spool, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static (CheckedDocument?, string?, object?) Refuse(FileStream spool, string code, object? argument)
    {
        spool.Dispose();
        return (null, code, argument);
    }
}

/// <summary>Problem codes of an upload; their words are in ErrorText.resx (English) and ErrorText.vi.resx.</summary>
public static class DocumentErrors
{
    /// <summary>{0}: the limit in MiB.</summary>
    public const string TooLarge = "DocumentTooLarge";
    public const string Empty = "DocumentEmpty";
    public const string Executable = "DocumentExecutable";
    public const string TypeNotAllowed = "DocumentTypeNotAllowed";
    public const string NotPdf = "DocumentNotPdf";
    public const string NotDocx = "DocumentNotDocx";
    public const string FileRequired = "DocumentFileRequired";
}
