using System.Linq.Expressions;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Time;
using Chancery.Web.Common.Ui;
using Chancery.Web.Data;
using Chancery.Web.People;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>Our leaders for an activity's form, those in office on the activity's first day first (best
/// rank first), then everyone else by name.</summary>
public sealed class LeaderPickerSource(ChanceryDbContext db, TimeProvider clock) : PeoplePickerSource(db, clock, OfficeSide.Domestic)
{
    public override string Kind => "leaders";
}

/// <summary>Foreign counterparts for an activity's form, found by name; their country is the hint.</summary>
public sealed class CounterpartPickerSource(ChanceryDbContext db, TimeProvider clock) : PeoplePickerSource(db, clock, OfficeSide.Foreign)
{
    public override string Kind => "counterparts";
}

/// <summary>People of one side, by name (diacritics ignored: "nguyen phu" finds "Nguyễn Phú Trọng"),
/// those in office on the day asked first, each with the office they held then as the hint.
/// A person carries the lowest level of the records that name them (People's derived classification),
/// so the context's filter keeps one named only in activities above the reader's clearance out of the
/// choices, as it does everywhere else.</summary>
public abstract class PeoplePickerSource(ChanceryDbContext db, TimeProvider clock, OfficeSide side) : IPickerSource
{
    public abstract string Kind { get; }

    public async Task<IReadOnlyList<PickerOption>> FindAsync(PickerQuery query, CancellationToken ct)
    {
        var day = query.On ?? clock.Today();
        var held = PersonOffice.HeldOn(day);
        var people = db.People.AsNoTracking().Where(p => p.Side == side).MatchingSearch(query.Q)
            .OrderBy(p => p.Offices.AsQueryable().Any(held) ? 0 : 1)
            .ThenBy(p => p.Offices.AsQueryable().Where(held).Min(o => o.Office == null ? (int?)null : o.Office.Tier) ?? int.MaxValue)
            .ThenBy(p => p.FullName).ThenBy(p => p.Id)
            .Take(query.Limit);
        return await OptionsAsync(people, day, ct);
    }

    public async Task<IReadOnlyList<PickerOption>> ChosenAsync(IReadOnlyCollection<string> values, CancellationToken ct)
    {
        var ids = values.Select(v => int.TryParse(v, out var id) ? id : 0).Where(id => id > 0).ToList();
        if (ids.Count == 0) return [];
        return await OptionsAsync(db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.FullName), clock.Today(), ct);
    }

    private static async Task<IReadOnlyList<PickerOption>> OptionsAsync(IQueryable<Person> people, DateOnly day, CancellationToken ct)
    {
        var found = await people.Include(p => p.Offices).ThenInclude(o => o.Office).AsSplitQuery().ToListAsync(ct);
        return found.Select(p => new PickerOption(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.FullName, Hint(p, day))
        {
            Search = TextFolding.FoldAll(p.FullName, p.CountryIso3),
        }).ToList();
    }

    /// <summary>The office held on the day, else the latest one with its years; a counterpart's country first.</summary>
    private static string? Hint(Person p, DateOnly day)
    {
        var office = PeopleQueries.CurrentOffice(p, day);
        string? name = office is null ? null
            : office.Office is { } o ? (LocalizationSetup.IsVietnamese ? o.NameVi : o.NameEn) : office.Title;
        if (office is not null && !office.Covers(day)) name = $"{name} ({office.From.Year}–{office.To?.Year})";
        return string.Join(" · ", new[] { p.CountryIso3, name }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } hint ? hint : null;
    }
}
