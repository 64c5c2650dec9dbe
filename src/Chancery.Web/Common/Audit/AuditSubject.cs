using System.Globalization;
using Chancery.Web.Common.Api;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Common.Audit;

/// <summary>The shape of a module's <see cref="IAuditSubject"/>: the words come from the module's own
/// texts (<paramref name="texts"/>), so a description says only which key words what. A field with no
/// key of its own is looked up by its name; what is still unworded falls back to the kernel's words and
/// then to the raw name (<see cref="AuditReader"/>).</summary>
public abstract class AuditSubject<TRecord>(IStringLocalizer texts) : IAuditSubject where TRecord : class
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public virtual string EntityType => typeof(TRecord).Name;

    /// <summary>The key in the module's texts that names the record type.</summary>
    protected abstract string LabelKey { get; }

    /// <summary>Field → key in the module's texts, for fields whose label is not keyed by their own name.</summary>
    protected virtual IReadOnlyDictionary<string, string> FieldKeys => None;

    public virtual IReadOnlyDictionary<string, string> References => None;

    public virtual string? ChangeFeedType => null;

    public string Label => Word(texts, LabelKey) ?? EntityType;

    public virtual string? FieldLabel(string field) => Word(texts, FieldKeys.TryGetValue(field, out var key) ? key : field);

    public virtual string? Value(string field, string value) => null;

    public abstract Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct);

    /// <summary>The text under <paramref name="key"/>, or null when there is none (so the caller can fall back).</summary>
    protected static string? Word(IStringLocalizer words, string key)
    {
        var found = words[key];
        return found.ResourceNotFound ? null : found.Value;
    }

    /// <summary>An enum value as the trail stores it (its member name) worded by the key
    /// <paramref name="prefix"/> + its API code (<c>Kind_state_visit</c>).</summary>
    protected static string? CodeWord<TEnum>(IStringLocalizer words, string prefix, string value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? Word(words, prefix + Codes<TEnum>.ToCode(parsed)) : null;

    /// <summary>The keys that are whole numbers (the usual record key), each once.</summary>
    protected static List<int> IntKeys(IReadOnlyCollection<string> keys) =>
        keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().Distinct().ToList();

    protected static IReadOnlyDictionary<string, AuditSubjectName> ByKey<TRow>(
        IEnumerable<TRow> rows, Func<TRow, int> key, Func<TRow, AuditSubjectName> name) =>
        rows.ToDictionary(r => key(r).ToString(CultureInfo.InvariantCulture), name);
}
