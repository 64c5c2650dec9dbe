using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.People;

/// <summary>Deleted people in the bin, named as their page names them, with their side and country. One
/// does not come back under a name someone else of the same side has taken meanwhile (an import could no
/// longer tell them apart).</summary>
internal sealed class PersonBinSource(ChanceryDbContext db, IStringLocalizer<PeopleText> text) : BinSource<Person>(db)
{
    public override string Kind => "person";
    public override string Label => text["BinKind"];
    public override int Order => 200;

    protected override async Task<IReadOnlyList<BinItem>> ItemsAsync(IQueryable<Person> records, CancellationToken ct)
    {
        var rows = await records.Select(p => new { p.Id, p.FullName, p.NameEn, p.Side, p.CountryIso3, p.DeletedAt, p.DeletedBy }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var name = !Common.Localization.LocalizationSetup.IsVietnamese && r.NameEn is { Length: > 0 } en ? en : r.FullName;
            var side = text["Side_" + r.Side.ToString().ToLowerInvariant()].Value;
            return Item(r.Id, name, r.CountryIso3 is { } c ? $"{side} · {c}" : side, null, r.DeletedAt, r.DeletedBy);
        }).ToList();
    }

    protected override async Task CheckRestoreAsync(Person record, Problems problems, CancellationToken ct)
    {
        if (await Db.People.AnyAsync(p => p.Side == record.Side && p.NameKey == record.NameKey && p.Id != record.Id, ct))
            problems.Add("fullName", PeopleErrors.PersonNameTaken);
    }
}
