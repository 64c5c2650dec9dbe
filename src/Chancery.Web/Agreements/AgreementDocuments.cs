using Chancery.Web.Common.Api;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Documents;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Agreements;

public sealed record AgreementDocumentDto(int Id, string Kind, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string? UploadedBy)
{
    public string DownloadUrl(int agreementId) => $"/api/v1/agreements/{agreementId}/documents/{Id}";
}

/// <summary>An agreement's files: uploaded through the kernel's checks (<see cref="DocumentIntake"/>) into
/// the kernel's store, listed and downloaded only through the agreement, so whoever may not see the
/// agreement finds no file (404, as for the agreement). Every download is audited.</summary>
public sealed class AgreementDocuments(ChanceryDbContext db, IDocumentStore store, IOptions<DocumentOptions> options, TimeProvider clock)
{
    public sealed record Upload(AgreementDocumentDto? Document, bool AgreementFound, Problems? Problems);

    public async Task<Upload> UploadAsync(int agreementId, string? kindCode, Stream? content, string? fileName, string? contentType, CancellationToken ct)
    {
        if (!await db.Agreements.AnyAsync(a => a.Id == agreementId, ct)) return new(null, false, null);
        var problems = new Problems();
        var kind = AgreementDocumentKind.SignedText;
        if (!string.IsNullOrWhiteSpace(kindCode) && !Codes<AgreementDocumentKind>.TryParse(kindCode, out kind))
            problems.Add("kind", ErrorCodes.OneOf, string.Join(", ", Codes<AgreementDocumentKind>.All));
        if (content is null) problems.Add("file", DocumentErrors.FileRequired);
        if (problems.Any) return new(null, true, problems);

        var (document, problem, argument) = await DocumentIntake.ReadAsync(content!, fileName, contentType, options.Value.MaxBytes, ct);
        if (document is null)
        {
            problems.Add("file", problem!, argument is null ? [] : [argument]);
            return new(null, true, problems);
        }
        await using (document)
        {
            var key = await store.SaveAsync(document.OpenRead(), ct);
            var row = new AgreementDocument
            {
                AgreementId = agreementId, Kind = kind, FileName = SafeName(fileName, document.Format), ContentType = document.ContentType,
                Size = document.Size, Sha256 = document.Sha256, StoreKey = key, UploadedAt = clock.GetUtcNow().UtcDateTime,
                UploadedBy = db.CurrentUser.UserName,
            };
            db.AgreementDocuments.Add(row);
            await db.SaveChangesAsync(ct);
            return new(ToDto(row), true, null);
        }
    }

    /// <summary>The agreement's files, none when the reader may not see it.</summary>
    public async Task<List<AgreementDocumentDto>> ListAsync(int agreementId, CancellationToken ct)
    {
        var rows = await (from d in db.AgreementDocuments.AsNoTracking()
                          join a in db.Agreements on d.AgreementId equals a.Id
                          where a.Id == agreementId
                          orderby d.Kind, d.UploadedAt, d.Id
                          select d).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    /// <summary>The file's content, name and type, after an audit entry of the download; null when the
    /// agreement or the file is not there for this reader.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)?> OpenAsync(int agreementId, int documentId, CancellationToken ct)
    {
        var found = await (from d in db.AgreementDocuments.AsNoTracking()
                           join a in db.Agreements on d.AgreementId equals a.Id
                           where a.Id == agreementId && d.Id == documentId
                           select new { d.Id, d.FileName, d.ContentType, d.StoreKey, d.Sha256, a.Classification }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var content = await store.OpenReadAsync(found.StoreKey, ct);
        if (content is null) return null;
        await AuditEvents.DownloadedAsync(db, clock, typeof(AgreementDocument), found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, string?> { [nameof(AgreementDocument.FileName)] = found.FileName, [nameof(AgreementDocument.Sha256)] = found.Sha256 },
            found.Classification, ct);
        return (content, found.FileName, found.ContentType);
    }

    private static AgreementDocumentDto ToDto(AgreementDocument d) =>
        new(d.Id, Codes<AgreementDocumentKind>.ToCode(d.Kind), d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedAt, d.UploadedBy);

    /// <summary>The uploaded name without any folder part, within the column's length, with the checked type's extension.</summary>
    private static string SafeName(string? fileName, AcceptedFormat format)
    {
        var extension = format == AcceptedFormat.Pdf ? ".pdf" : ".docx";
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName((fileName ?? "").Replace('\\', '/')));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "document";
        return (name.Length > 200 ? name[..200] : name) + extension;
    }
}
