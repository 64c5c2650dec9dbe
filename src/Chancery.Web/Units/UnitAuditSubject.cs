using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Units;

/// <summary>Units on the audit page: named in the reader's language, linked to their edit page (units have no other).</summary>
internal sealed class UnitAuditSubject(ChanceryDbContext db, IStringLocalizer<UnitsText> text) : AuditSubject<Unit>(text)
{
    protected override string LabelKey => "UnitsTitle";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(Unit.ParentId)] = "Parent", [nameof(Unit.CountryIso3)] = "HostCountry",
    };

    public override IReadOnlyDictionary<string, string> References { get; } =
        new Dictionary<string, string> { [nameof(Unit.ParentId)] = nameof(Unit) };

    public override string? Value(string field, string value) =>
        field == nameof(Unit.Kind) && Enum.TryParse<UnitKind>(value, out var kind) && Enum.IsDefined(kind) ? Word(text, "Kind_" + kind) : null;

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.NameVi, u.NameEn }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(LocalizationSetup.IsVietnamese ? r.NameVi : r.NameEn, $"/units/{r.Id}/edit"));
    }
}
