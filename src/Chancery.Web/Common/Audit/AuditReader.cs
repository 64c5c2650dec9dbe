using System.Globalization;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Common.Audit;

/// <summary>Turns stored audit entries into <see cref="AuditLine"/>s through the modules'
/// <see cref="IAuditSubject"/>s: one name lookup per record type for a whole page of entries (the
/// records, the users who made the changes, and the records that changed values point at), each
/// through the classification filter, so a record the reader may not see is never named.</summary>
public sealed class AuditReader(IEnumerable<IAuditSubject> subjects, IStringLocalizer<SharedText> shared)
{
    /// <summary>The record type the kernel's users are stored as, named by whichever module manages them.</summary>
    private const string UserType = "ChanceryUser";

    private readonly Dictionary<string, IAuditSubject> _byType =
        subjects.GroupBy(s => s.EntityType).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The record types the page can filter by, labelled, in the reader's alphabetical order.</summary>
    public IReadOnlyList<(string Type, string Label)> Types(IEnumerable<string> storedTypes) => storedTypes
        .Select(t => (t, TypeLabel(t)))
        .OrderBy(t => t.Item2, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();

    public string TypeLabel(string entityType) => _byType.TryGetValue(entityType, out var s) ? s.Label
        : shared["AuditType_" + entityType] is { ResourceNotFound: false } kernel ? kernel.Value : entityType;

    /// <summary>The names of users, for the page's user filter (only those the reader may see named).</summary>
    public Task<IReadOnlyDictionary<string, AuditSubjectName>> UserNamesAsync(IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        _byType.TryGetValue(UserType, out var users) && userIds.Count > 0
            ? users.NamesAsync(userIds, ct)
            : Task.FromResult<IReadOnlyDictionary<string, AuditSubjectName>>(new Dictionary<string, AuditSubjectName>());

    public async Task<IReadOnlyList<AuditLine>> ReadAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var parsed = entries.Select(e => (Entry: e, Changes: AuditChanges.Parse(e.Changes))).ToList();

        // Every (type, key) to name: the records, the users, and the records changed values point at.
        var wanted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Want(string type, string? key)
        {
            if (string.IsNullOrEmpty(key) || !_byType.ContainsKey(type)) return;
            if (!wanted.TryGetValue(type, out var keys)) wanted[type] = keys = new HashSet<string>(StringComparer.Ordinal);
            keys.Add(key);
        }
        foreach (var (entry, changes) in parsed)
        {
            Want(entry.EntityType, entry.EntityKey);
            Want(UserType, entry.UserId);
            if (!_byType.TryGetValue(entry.EntityType, out var subject)) continue;
            foreach (var change in changes)
                if (subject.References.TryGetValue(change.Property, out var target))
                {
                    Want(target, change.Before);
                    Want(target, change.After);
                }
        }
        // One after the other: they share the request's database context.
        var names = new Dictionary<string, IReadOnlyDictionary<string, AuditSubjectName>>(StringComparer.Ordinal);
        foreach (var (type, keys) in wanted) names[type] = await _byType[type].NamesAsync(keys, ct);

        AuditSubjectName? NameOf(string type, string? key) =>
            key is not null && names.TryGetValue(type, out var found) && found.TryGetValue(key, out var name) ? name : null;

        return parsed.Select(p =>
        {
            var (entry, changes) = p;
            _byType.TryGetValue(entry.EntityType, out var subject);
            var user = NameOf(UserType, entry.UserId);
            return new AuditLine(entry.Id, DateTime.SpecifyKind(entry.At, DateTimeKind.Utc), entry.Action, entry.Classification,
                entry.EntityType, entry.EntityKey, TypeLabel(entry.EntityType), NameOf(entry.EntityType, entry.EntityKey),
                user?.Name ?? UserWord(entry), user?.Href,
                // A field empty before and after (a created record's unset fields) says nothing.
                changes.Where(c => c.Before is not null || c.After is not null).Select(c => Readable(subject, c, NameOf)).ToList());
        }).ToList();
    }

    private string UserWord(AuditEntry entry) =>
        entry.UserId is null && entry.UserName == SystemUser.Instance.UserName ? shared["SystemUser"] : entry.UserName ?? "—";

    private AuditLineChange Readable(IAuditSubject? subject, AuditChange change, Func<string, string?, AuditSubjectName?> nameOf)
    {
        var label = subject?.FieldLabel(change.Property) ?? KernelWord(change.Property) ?? change.Property;
        if (subject is not null && subject.References.TryGetValue(change.Property, out var target))
        {
            var before = nameOf(target, change.Before);
            var after = nameOf(target, change.After);
            // A reference the reader cannot resolve (a record above their clearance, or gone) is not echoed
            // by number: the number alone would confirm a hidden record.
            return new AuditLineChange(change.Property, label, before?.Name ?? NotShown(change.Before), after?.Name ?? NotShown(change.After), before?.Href, after?.Href);
        }
        return new AuditLineChange(change.Property, label, ValueText(subject, change.Property, change.Before), ValueText(subject, change.Property, change.After));
    }

    private string? NotShown(string? key) => key is null ? null : shared["AuditRecordNotShown"].Value;

    private string? KernelWord(string field)
    {
        var found = shared["Field_" + field];
        return found.ResourceNotFound ? null : found.Value;
    }

    /// <summary>A value as the reader reads it: the module's word for it, else the kernel's reading of
    /// levels, yes/no, dates and times, else the value as stored.</summary>
    private string? ValueText(IAuditSubject? subject, string field, string? value)
    {
        if (value is null) return null;
        if (subject?.Value(field, value) is { } worded) return worded;
        // The kernel's own events: which list was exported, through which door one signed in.
        if (field is "List" or "Via" && shared[field + "_" + value] is { ResourceNotFound: false } word) return word.Value;
        if (field == nameof(IClassified.Classification) && Enum.TryParse<ClassificationLevel>(value, out var level) && Enum.IsDefined(level))
            return shared["Class_" + level.ToCode()];
        if (value == "true") return shared["Yes"];
        if (value == "false") return shared["No"];
        if (IsoDate.TryParse(value, out var date)) return Formats.Date(date);
        if (value.Length > 10 && value[10] == 'T'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return Formats.DateTime(instant.UtcDateTime);
        return value;
    }
}
