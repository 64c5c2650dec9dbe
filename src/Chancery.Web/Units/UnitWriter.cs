using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Units;

/// <summary>The one place that validates and stores units, shared by the API and the pages so both
/// apply the same rules: unique code, both names, a parent that exists and is not a descendant, and
/// for a mission a host country that is a known country partner. Problems are codes worded in
/// UnitsText (the unit's own) or the kernel's error texts (lengths).</summary>
public sealed class UnitWriter(ChanceryDbContext db, UnitQueries queries)
{
    /// <summary>Creates a unit (no <paramref name="id"/>) or changes the unit <paramref name="id"/>.</summary>
    public async Task<WriteOutcome<UnitItem>> SaveAsync(int? id, UnitRequest request, CancellationToken ct = default)
    {
        Unit? unit = null;
        if (id is { } existingId)
        {
            unit = await db.Units.SingleOrDefaultAsync(u => u.Id == existingId, ct);
            if (unit is null) return WriteOutcome<UnitItem>.NotFound();
        }

        var code = request.Code?.Trim().ToUpperInvariant() ?? "";
        var problems = new Problems();
        var kind = await CheckAsync(id, code, request, problems, ct);
        if (unit is null)
        {
            unit = new Unit { Code = code, NameVi = "", NameEn = "" };
            db.Units.Add(unit);
        }
        else
        {
            db.ExpectVersion(unit, request.Version);
        }
        unit.Code = code;
        unit.NameVi = request.NameVi?.Trim() ?? "";
        unit.NameEn = request.NameEn?.Trim() ?? "";
        unit.Kind = kind ?? unit.Kind;
        unit.ParentId = request.ParentId;
        unit.CountryIso3 = kind == UnitKind.Mission ? request.CountryIso3?.Trim().ToUpperInvariant() : null;
        var saved = unit;
        return await CheckedSave.SaveAsync(db, unit, problems, c => queries.GetAsync(saved.Id, c),
            id is null ? WriteStatus.Created : WriteStatus.Saved, ct);
    }

    /// <summary>The request's rules; the kind when it is one.</summary>
    private async Task<UnitKind?> CheckAsync(int? id, string code, UnitRequest request, Problems problems, CancellationToken ct)
    {
        if (code.Length == 0) problems.Add("code", "CodeRequired");
        else if (await db.Units.AnyAsync(u => u.Code == code && u.Id != id, ct)) problems.Add("code", "CodeTaken");
        if (string.IsNullOrWhiteSpace(request.NameVi)) problems.Add("nameVi", "NameViRequired");
        if (string.IsNullOrWhiteSpace(request.NameEn)) problems.Add("nameEn", "NameEnRequired");

        UnitKind? kind = null;
        if (!Enum.TryParse<UnitKind>(request.Kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(request.Kind, out _))
            problems.Add("kind", "KindRequired");
        else kind = parsed;
        if (kind == UnitKind.Mission)
        {
            var iso3 = request.CountryIso3?.Trim().ToUpperInvariant() ?? "";
            if (iso3.Length == 0) problems.Add("countryIso3", "CountryRequired");
            else if (!await db.Partners.AnyAsync(p => p.Code == iso3 && p.Kind == PartnerKind.Country, ct))
                problems.Add("countryIso3", "CountryUnknown");
        }

        if (request.ParentId is { } parentId)
        {
            if (parentId == id) problems.Add("parentId", "ParentCycle");
            else if (!await db.Units.AnyAsync(u => u.Id == parentId, ct)) problems.Add("parentId", "ParentUnknown");
            else if (id is not null && await IsDescendantAsync(parentId, id.Value, ct)) problems.Add("parentId", "ParentCycle");
        }
        return kind;
    }

    /// <summary>True when <paramref name="candidate"/> lies under <paramref name="ancestor"/>: making it
    /// the parent would close a loop in the tree.</summary>
    private async Task<bool> IsDescendantAsync(int candidate, int ancestor, CancellationToken ct)
    {
        var parents = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        int? current = candidate;
        var seen = new HashSet<int>();
        while (current is { } c && seen.Add(c))
        {
            if (c == ancestor) return true;
            current = parents.GetValueOrDefault(c);
        }
        return false;
    }
}
