using Chancery.Web.Common.Security;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Documents;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Directives.Attachments;

/// <summary>Files attached to progress reports: checked as agreement documents are (the kernel's
/// <see cref="DocumentIntake"/>: PDF or DOCX by content, no executable, within Documents:MaxBytes), kept
/// in the kernel's store, and reached only through the task, so whoever may not see the task finds no
/// file (404, as for the task). Attaching is for the task's lead unit (and above it); every download is audited.</summary>
public sealed class ProgressDocuments(ChanceryDbContext db, IDocumentStore store, IOptions<DocumentOptions> options, UnitScope scope, TimeProvider clock)
{
    public sealed record Upload(ProgressDocumentItem? Document, bool TaskFound, Problems? Problems);

    public async Task<Upload> UploadAsync(int taskId, int? progressId, Stream? content, string? fileName, string? contentType, CancellationToken ct)
    {
        var task = await db.DirectiveTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.LeadUnitId }).SingleOrDefaultAsync(ct);
        if (task is null) return new(null, false, null);
        var problems = new Problems();
        if (!await scope.MayEditAsync(task.LeadUnitId, ct)) problems.Add("file", DirectiveRules.NotYourUnit);
        if (progressId is not { } pid || !await db.TaskProgress.AnyAsync(p => p.Id == pid && p.TaskId == taskId, ct))
            problems.Add("progressId", DirectiveRules.ProgressElsewhere);
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
            var row = new ProgressDocument
            {
                ProgressId = progressId!.Value, FileName = SafeName(fileName, document.Format), ContentType = document.ContentType,
                Size = document.Size, Sha256 = document.Sha256, StoreKey = key, UploadedAt = clock.GetUtcNow().UtcDateTime,
                UploadedBy = db.CurrentUser.UserName,
            };
            db.ProgressDocuments.Add(row);
            await db.SaveChangesAsync(ct);
            return new(new ProgressDocumentItem(row.Id, row.FileName, row.ContentType, row.Size, row.Sha256, row.UploadedAt, row.UploadedBy,
                $"/api/v1/tasks/{taskId}/documents/{row.Id}"), true, null);
        }
    }

    /// <summary>The file's content, name and type, after an audit entry of the download (filed at the
    /// task's level); null when the task or the file is not there for this reader.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)?> OpenAsync(int taskId, int documentId, CancellationToken ct)
    {
        var found = await (from d in db.ProgressDocuments.AsNoTracking()
                           join p in db.TaskProgress on d.ProgressId equals p.Id
                           join t in db.DirectiveTasks on p.TaskId equals t.Id
                           where t.Id == taskId && d.Id == documentId
                           select new { d.Id, d.FileName, d.ContentType, d.StoreKey, d.Sha256, t.Classification }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var content = await store.OpenReadAsync(found.StoreKey, ct);
        if (content is null) return null;
        await AuditEvents.DownloadedAsync(db, clock, typeof(ProgressDocument), found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, string?> { [nameof(ProgressDocument.FileName)] = found.FileName, [nameof(ProgressDocument.Sha256)] = found.Sha256 },
            found.Classification, ct);
        return (content, found.FileName, found.ContentType);
    }

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
