using System.Globalization;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Documents;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Commitments;

/// <summary>A delivery's evidence file, as the API and the page show it.</summary>
public sealed record DeliveryAttachmentDto(string FileName, string ContentType, long Size, string Sha256, DateTime? UploadedAt, string? UploadedBy)
{
    public static string DownloadUrl(int commitmentId, int deliveryId) => $"/api/v1/commitments/{commitmentId}/deliveries/{deliveryId}/attachment";
}

/// <summary>A delivery's evidence file: uploaded through the kernel's checks (<see cref="DocumentIntake"/>: PDF or
/// DOCX whose content matches, no executable, within the size limit) into the kernel's store, and downloaded
/// only through its commitment, so whoever may not see the commitment finds no file (404, as for the
/// commitment). Every download is audited. A new upload replaces the file (the old bytes leave the store).</summary>
public sealed class DeliveryAttachments(ChanceryDbContext db, IDocumentStore store, IOptions<DocumentOptions> options, TimeProvider clock)
{
    public sealed record Upload(DeliveryAttachmentDto? Attachment, bool DeliveryFound, Problems? Problems);

    /// <summary>The delivery, through its commitment's classification filter (tracked, to be changed).</summary>
    private Task<Delivery?> FindAsync(int commitmentId, int deliveryId, CancellationToken ct) =>
        db.Commitments.Where(c => c.Id == commitmentId).SelectMany(c => c.Deliveries).Where(d => d.Id == deliveryId).SingleOrDefaultAsync(ct);

    public async Task<Upload> AttachAsync(int commitmentId, int deliveryId, Stream? content, string? fileName, string? contentType, CancellationToken ct)
    {
        var delivery = await FindAsync(commitmentId, deliveryId, ct);
        if (delivery is null) return new(null, false, null);
        var problems = new Problems();
        if (content is null)
        {
            problems.Add("file", DocumentErrors.FileRequired);
            return new(null, true, problems);
        }
        var (document, problem, argument) = await DocumentIntake.ReadAsync(content, fileName, contentType, options.Value.MaxBytes, ct);
        if (document is null)
        {
            problems.Add("file", problem!, argument is null ? [] : [argument]);
            return new(null, true, problems);
        }
        await using (document)
        {
            var replaced = delivery.AttachmentKey;
            delivery.AttachmentKey = await store.SaveAsync(document.OpenRead(), ct);
            delivery.AttachmentName = SafeName(fileName, document.Format);
            delivery.AttachmentType = document.ContentType;
            delivery.AttachmentSize = document.Size;
            delivery.AttachmentSha256 = document.Sha256;
            delivery.AttachmentUploadedAt = clock.GetUtcNow().UtcDateTime;
            delivery.AttachmentUploadedBy = db.CurrentUser.UserName;
            await db.SaveChangesAsync(ct);
            if (replaced is not null) await store.DeleteAsync(replaced, ct);
            return new(ToDto(delivery), true, null);
        }
    }

    /// <summary>The file's content, name and type, after an audit entry of the download; null when the
    /// commitment, the delivery or its file is not there for this reader.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)?> OpenAsync(int commitmentId, int deliveryId, CancellationToken ct)
    {
        var found = await db.Commitments.AsNoTracking().Where(c => c.Id == commitmentId)
            .SelectMany(c => c.Deliveries, (c, d) => new { d.Id, d.AttachmentKey, d.AttachmentName, d.AttachmentType, d.AttachmentSha256, c.Classification })
            .SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (found?.AttachmentKey is null) return null;
        var content = await store.OpenReadAsync(found.AttachmentKey, ct);
        if (content is null) return null;
        await AuditEvents.DownloadedAsync(db, clock, typeof(Delivery), found.Id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, string?> { [nameof(Delivery.AttachmentName)] = found.AttachmentName, [nameof(Delivery.AttachmentSha256)] = found.AttachmentSha256 },
            found.Classification, ct);
        return (content, found.AttachmentName!, found.AttachmentType!);
    }

    public static DeliveryAttachmentDto? ToDto(Delivery d) => d.AttachmentKey is null ? null
        : new(d.AttachmentName!, d.AttachmentType!, d.AttachmentSize ?? 0, d.AttachmentSha256!, d.AttachmentUploadedAt, d.AttachmentUploadedBy);

    /// <summary>The uploaded name without any folder part, within the column's length, with the checked type's extension.</summary>
    private static string SafeName(string? fileName, AcceptedFormat format)
    {
        var extension = format == AcceptedFormat.Pdf ? ".pdf" : ".docx";
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName((fileName ?? "").Replace('\\', '/')));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "evidence";
        return (name.Length > 200 ? name[..200] : name) + extension;
    }
}
