using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Agreements;

/// <summary>The Agreements module's reads, for its endpoints, its pages and the sections it shows on
/// other modules' pages. Every read goes through the DbContext's classification filter.</summary>
public sealed class AgreementQueries(ChanceryDbContext db, TimeProvider clock)
{
    /// <summary>The orders the list offers: latest signature first unless asked otherwise; ties broken by id.</summary>
    public static readonly SortColumns<Agreement> Sorts = new SortColumns<Agreement>(new ListSort("date", Descending: true), a => a.Id)
        .Add("date", a => a.SignedDate)
        .AddInDeclaredOrder("type", a => a.Type, a => a.SignedDate)
        .Add("title", a => a.TitleVi ?? a.TitleEn ?? a.ExternalRef)
        .AddInDeclaredOrder("status", a => a.Status, a => a.SignedDate)
        .Add("classification", a => a.Classification, a => a.SignedDate);

    public async Task<ListResult<AgreementListItem>> ListAsync(AgreementFilter f, CancellationToken ct)
    {
        var query = Matching(f);
        var paging = Paging.From(f.Page, f.PageSize);
        var (total, exact) = await ListCount.CountAsync(query, paging, f.ExactTotal ?? false, ct);
        var page = await ItemsAsync(Sorts.Apply(query, Sorts.Parse(f.Sort)).Skip(paging.Skip).Take(paging.PageSize), ct);
        return new ListResult<AgreementListItem>(page, total, exact);
    }

    /// <summary>The agreements a filter selects, through the classification filter: the one query
    /// behind the list, its API and its export.</summary>
    public IQueryable<Agreement> Matching(AgreementFilter f)
    {
        var query = db.Agreements.AsNoTracking();
        if (Codes<AgreementType>.TryParse(f.Type, out var type)) query = query.Where(a => a.Type == type);
        if (Codes<AgreementStatus>.TryParse(f.Status, out var status)) query = WithShownStatus(query, status, clock.Today());
        if (Codes<ActivityChannel>.TryParse(f.Channel, out var channel)) query = query.Where(a => a.Channel == channel);
        if (!string.IsNullOrWhiteSpace(f.Partner))
        {
            var code = f.Partner.Trim();
            var partner = db.Partners.Where(p => p.Code == code).Select(p => p.Id);
            query = query.Where(a => a.Parties.Any(p => partner.Contains(p.PartnerId)));
        }
        if (f.Year is { } year and >= 1 and <= 9998)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(a => a.SignedDate >= first && a.SignedDate <= last);
        }
        if (!string.IsNullOrWhiteSpace(f.Theme))
        {
            var pattern = "%;" + f.Theme.Trim().ToLowerInvariant() + ";%";
            query = query.Where(a => EF.Functions.Like(a.Themes, pattern));
        }
        if (f.Unit is { } unit) query = query.Where(a => a.OwnerUnitId == unit);
        return query.Matching(db, f.Q);
    }

    /// <summary>The agreements whose status as shown on <paramref name="today"/> is <paramref name="status"/>
    /// (<see cref="AgreementStatusRule.Shown"/>): an agreement past its expiry date is expired, not signed or in force.</summary>
    private static IQueryable<Agreement> WithShownStatus(IQueryable<Agreement> query, AgreementStatus status, DateOnly today) => status switch
    {
        AgreementStatus.Expired => query.Where(a => a.Status == AgreementStatus.Expired
            || ((a.Status == AgreementStatus.Signed || a.Status == AgreementStatus.InForce) && a.ExpiryDate != null && a.ExpiryDate < today)),
        AgreementStatus.Signed or AgreementStatus.InForce => query.Where(a => a.Status == status && (a.ExpiryDate == null || a.ExpiryDate >= today)),
        _ => query.Where(a => a.Status == status),
    };

    /// <summary>The agreements signed during an activity, in signature order.</summary>
    public IQueryable<Agreement> SignedDuring(int activityId) =>
        db.Agreements.AsNoTracking().Where(a => a.ActivityId == activityId).OrderBy(a => a.SignedDate).ThenBy(a => a.Id);

    /// <summary>The rows of <paramref name="query"/> (in its order) with their parties' codes.</summary>
    public async Task<List<AgreementListItem>> ItemsAsync(IQueryable<Agreement> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(a => new { a.Id, a.ExternalRef, a.Type, a.Status, a.ExpiryDate, a.SignedDate, a.TitleVi, a.TitleEn, a.Classification })
            .ToListAsync(ct);
        var today = clock.Today();
        var parties = await PartyCodesAsync(rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(a => new AgreementListItem(a.Id, a.ExternalRef, Codes<AgreementType>.ToCode(a.Type), Codes<AgreementStatus>.ToCode(AgreementStatusRule.Shown(a.Status, a.ExpiryDate, today)),
            a.SignedDate, a.TitleVi, a.TitleEn, parties.TryGetValue(a.Id, out var p) ? p : [], a.Classification.ToCode())).ToList();
    }

    /// <summary>The parties' codes of some agreements, in the record's order. A party's code is a name
    /// every page shows (like a country's), so it is read whatever the partner record's level.</summary>
    public async Task<Dictionary<int, List<string>>> PartyCodesAsync(List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await (from party in db.AgreementParties.AsNoTracking()
                          join partner in db.Partners.IgnoreQueryFilters() on party.PartnerId equals partner.Id
                          where ids.Contains(party.AgreementId)
                          orderby party.AgreementId, party.Order
                          select new { party.AgreementId, partner.Code }).ToListAsync(ct);
        return rows.GroupBy(r => r.AgreementId).ToDictionary(g => g.Key, g => g.Select(r => r.Code).ToList());
    }

    /// <summary>Null when the agreement does not exist or the reader may not see it (the same answer).</summary>
    public async Task<AgreementDetail?> DetailAsync(int id, CancellationToken ct)
    {
        var a = await db.Agreements.AsNoTracking().Include(x => x.Parties).Include(x => x.Actions).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var partnerIds = a.Parties.Select(p => p.PartnerId).Concat(a.Actions.Where(x => x.PartnerId != null).Select(x => x.PartnerId!.Value)).Distinct().ToList();
        var partners = await db.Partners.IgnoreQueryFilters().AsNoTracking().Where(p => partnerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.NameVi, p.NameEn }).ToDictionaryAsync(p => p.Id, ct);
        // The activity only when the reader may see it: an agreement may be less secret than its visit.
        var activity = a.ActivityId is { } activityId
            ? await db.Activities.AsNoTracking().Where(x => x.Id == activityId).Select(x => new { x.ExternalRef, x.Title }).SingleOrDefaultAsync(ct)
            : null;
        var unit = a.OwnerUnitId is { } unitId ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Code).SingleOrDefaultAsync(ct) : null;
        return new AgreementDetail(a.Id, a.ExternalRef, Codes<AgreementType>.ToCode(a.Type), a.Channel is { } c ? Codes<ActivityChannel>.ToCode(c) : null,
            a.TitleVi, a.TitleEn,
            a.Parties.OrderBy(p => p.Order).Where(p => partners.ContainsKey(p.PartnerId))
                .Select(p => partners[p.PartnerId]).Select(p => new AgreementPartyDto(p.Code, p.NameVi, p.NameEn)).ToList(),
            a.OurSignatory, a.TheirSignatory, a.SignedDate, a.SignedPlace, activity is null ? null : a.ActivityId, activity?.ExternalRef, activity?.Title,
            a.EntryIntoForce, a.ExpiryDate, Codes<AgreementStatus>.ToCode(AgreementStatusRule.Shown(a.Status, a.ExpiryDate, clock.Today())), a.ThemeList(), a.OwnerUnitId, unit,
            a.Classification.ToCode(), a.Sources, a.Notes, a.Version,
            a.Actions.OrderBy(x => x.Date).ThenBy(x => x.Kind).ThenBy(x => x.Id)
                .Select(x => new TreatyActionDto(x.Id, Codes<TreatyActionKind>.ToCode(x.Kind), x.Date,
                    x.PartnerId is { } p && partners.TryGetValue(p, out var party) ? party.Code : null, x.Number, x.Source, x.Notes)).ToList());
    }

    /// <summary>The units an agreement can be followed up by, for the list's filter and the form.</summary>
    public Task<List<Unit>> UnitsAsync(CancellationToken ct) => db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(ct);

    /// <summary>The partners the reader may see, for the list's filter: code and both names.</summary>
    public Task<List<Partner>> PartnersAsync(CancellationToken ct) => db.Partners.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
}
