namespace Chancery.Web.Common.Audit;

/// <summary>What the audit page knows of one record type, given by the module that owns it (the kernel
/// names no module): the type's name, its fields' labels and values in the reader's language, and the
/// names and pages of its records. A module registers one per audited type with
/// <see cref="AuditSubjectRegistration.AddAuditSubject{T}"/>; a type nobody describes shows its raw names.</summary>
public interface IAuditSubject
{
    /// <summary>The record type as the trail stores it (<see cref="AuditEntry.EntityType"/>: the CLR type's name).</summary>
    string EntityType { get; }

    /// <summary>The record type in the reader's language.</summary>
    string Label { get; }

    /// <summary>A field's label in the reader's language; null when the module has no word for it (the
    /// kernel's word, then the field's own name, is shown).</summary>
    string? FieldLabel(string field);

    /// <summary>A stored value as a reader reads it (a code's label, a date as a date); null when the
    /// subject has nothing better to say than the value itself.</summary>
    string? Value(string field, string value);

    /// <summary>Fields whose values are keys of other records (an activity's leader), by the record
    /// type they point at, so the page can show the record's name instead of its number.</summary>
    IReadOnlyDictionary<string, string> References { get; }

    /// <summary>The names and pages of the records with these keys, read through the classification
    /// filter: a key the reader may not see (or no longer exists) is absent from the answer.</summary>
    Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct);

    /// <summary>The record type's code in the change feed (<c>GET /api/v1/changes</c>), or null to keep its
    /// changes out of it (accounts, and parts of records that change with their record). A subject that
    /// gives one promises that its pages' address under <c>/api/v1</c> is the record's API address.</summary>
    string? ChangeFeedType => null;
}

/// <summary>A record's name as its pages show it, and its page (null when it has none).</summary>
public sealed record AuditSubjectName(string Name, string? Href);

public static class AuditSubjectRegistration
{
    /// <summary>Adds a module's description of one audited record type (scoped: it reads the database
    /// as the current reader).</summary>
    public static IServiceCollection AddAuditSubject<T>(this IServiceCollection services) where T : class, IAuditSubject =>
        services.AddScoped<IAuditSubject, T>();
}
