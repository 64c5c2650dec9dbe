using Chancery.Web.Common.Concurrency;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Units;

/// <summary>What an administrator sends to create or edit a unit (API and page alike).</summary>
public sealed record UnitRequest(string? Code, string? NameVi, string? NameEn, string? Kind, int? ParentId, string? CountryIso3, int Version = 0);

public sealed record UnitItem(int Id, string Code, string NameVi, string NameEn, string Kind, int? ParentId, string? CountryIso3, int Version)
{
    public static UnitItem From(Unit u) => new(u.Id, u.Code, u.NameVi, u.NameEn, u.Kind.ToString(), u.ParentId, u.CountryIso3, u.Version);
}

/// <summary>The outcome of a save: the unit, or errors keyed by field (camelCase, as the API names
/// them), or a lost race with the values as they are now.</summary>
public sealed record UnitSaveResult(Unit? Saved, Dictionary<string, string[]> Errors, UnitItem? Conflict)
{
    public bool Succeeded => Saved is not null;
}

/// <summary>The one place that validates and stores units, shared by the API and the pages so both
/// apply the same rules: unique code, both names, a parent that exists and is not a descendant, and
/// for a mission a host country that is a known country partner.</summary>
public static class UnitCommands
{
    public static async Task<UnitSaveResult> SaveAsync(ChanceryDbContext db, int? id, UnitRequest request, CancellationToken ct)
    {
        Unit? unit = null;
        if (id is { } existingId)
        {
            unit = await db.Units.SingleOrDefaultAsync(u => u.Id == existingId, ct);
            if (unit is null) return new(null, new() { ["id"] = ["UnitNotFound"] }, null);
        }

        var code = request.Code?.Trim().ToUpperInvariant() ?? "";
        var errors = await ValidateAsync(db, id, code, request, ct);
        if (errors.Count > 0) return new(null, errors, null);

        var kind = Enum.Parse<UnitKind>(request.Kind!, ignoreCase: true);
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
        unit.NameVi = request.NameVi!.Trim();
        unit.NameEn = request.NameEn!.Trim();
        unit.Kind = kind;
        unit.ParentId = request.ParentId;
        unit.CountryIso3 = kind == UnitKind.Mission ? request.CountryIso3!.Trim().ToUpperInvariant() : null;
        try
        {
            await db.SaveChangesAsync(ct);
            return new(unit, [], null);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Units.AsNoTracking().SingleAsync(u => u.Id == id, ct);
            return new(null, [], UnitItem.From(current));
        }
    }

    /// <summary>Errors are stored as resource keys so the page and the API word them in the reader's language.</summary>
    public static Dictionary<string, string[]> Localize(Dictionary<string, string[]> errors, IStringLocalizer<UnitsText> text) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(k => text[k].Value).ToArray());

    private static async Task<Dictionary<string, string[]>> ValidateAsync(
        ChanceryDbContext db, int? id, string code, UnitRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (code.Length == 0) errors["code"] = ["CodeRequired"];
        else if (code.Length > 40) errors["code"] = ["CodeTooLong"];
        else if (await db.Units.AnyAsync(u => u.Code == code && u.Id != id, ct)) errors["code"] = ["CodeTaken"];
        if (string.IsNullOrWhiteSpace(request.NameVi)) errors["nameVi"] = ["NameViRequired"];
        if (string.IsNullOrWhiteSpace(request.NameEn)) errors["nameEn"] = ["NameEnRequired"];

        if (!Enum.TryParse<UnitKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
            errors["kind"] = ["KindRequired"];
        else if (kind == UnitKind.Mission)
        {
            var iso3 = request.CountryIso3?.Trim().ToUpperInvariant() ?? "";
            if (iso3.Length == 0) errors["countryIso3"] = ["CountryRequired"];
            else if (!await db.Partners.AnyAsync(p => p.Code == iso3 && p.Kind == PartnerKind.Country, ct))
                errors["countryIso3"] = ["CountryUnknown"];
        }

        if (request.ParentId is { } parentId)
        {
            if (parentId == id) errors["parentId"] = ["ParentCycle"];
            else if (!await db.Units.AnyAsync(u => u.Id == parentId, ct)) errors["parentId"] = ["ParentUnknown"];
            else if (id is not null && await IsDescendantAsync(db, parentId, id.Value, ct)) errors["parentId"] = ["ParentCycle"];
        }
        return errors;
    }

    /// <summary>True when <paramref name="candidate"/> lies under <paramref name="ancestor"/>: making it
    /// the parent would close a loop in the tree.</summary>
    private static async Task<bool> IsDescendantAsync(ChanceryDbContext db, int candidate, int ancestor, CancellationToken ct)
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
