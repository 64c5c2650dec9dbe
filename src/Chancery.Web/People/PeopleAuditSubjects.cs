using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.People;

/// <summary>People on the audit page: named by their full name, linked to their page.</summary>
internal sealed class PersonAuditSubject(ChanceryDbContext db, IStringLocalizer<PeopleText> text) : AuditSubject<Person>(text)
{
    public override string? ChangeFeedType => "person";

    protected override string LabelKey => "People";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } =
        new Dictionary<string, string> { [nameof(Person.CountryIso3)] = "Country" };

    public override string? Value(string field, string value) =>
        field == nameof(Person.Side) ? CodeWord<OfficeSide>(text, "Side_", value) : null;

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        // Named in the bin too (the trail says who deleted whom), but linked only while they have a page.
        var rows = await db.People.AsNoTracking().WithBin().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FullName, InBin = p.DeletedAt != null }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(r.FullName, r.InBin ? null : "/people/" + r.Id));
    }
}

/// <summary>An office period: named after the person who held it, linked to the person's page.</summary>
internal sealed class PersonOfficeAuditSubject(ChanceryDbContext db, IStringLocalizer<PeopleText> text) : AuditSubject<PersonOffice>(text)
{
    protected override string LabelKey => "Offices";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(PersonOffice.PersonId)] = "FullName", [nameof(PersonOffice.OfficeId)] = "Office", [nameof(PersonOffice.Title)] = "Office",
    };

    public override IReadOnlyDictionary<string, string> References { get; } = new Dictionary<string, string>
    {
        [nameof(PersonOffice.PersonId)] = nameof(Person), [nameof(PersonOffice.OfficeId)] = nameof(Office),
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await (from office in db.PersonOffices.AsNoTracking()
                          join person in db.People on office.PersonId equals person.Id
                          where ids.Contains(office.Id)
                          select new { office.Id, office.PersonId, person.FullName }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(r.FullName, "/people/" + r.PersonId));
    }
}

/// <summary>The reference list of offices (no page of its own): named in the reader's language.</summary>
internal sealed class OfficeAuditSubject(ChanceryDbContext db, IStringLocalizer<PeopleText> text) : AuditSubject<Office>(text)
{
    protected override string LabelKey => "Office";

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await db.Offices.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.NameVi, o.NameEn }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(LocalizationSetup.IsVietnamese ? r.NameVi : r.NameEn, null));
    }
}
