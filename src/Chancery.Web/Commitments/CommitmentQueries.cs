using Chancery.Web.Common.Api;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments;

/// <summary>The Commitments module's reads, for its endpoints, its pages, its report and the partner
/// page's section. Every read starts from <c>db.Commitments</c>, through the classification filter:
/// deliveries are reached through their commitment, so a hidden commitment hides them too.</summary>
public sealed class CommitmentQueries(ChanceryDbContext db, TimeProvider clock)
{
    public static readonly SortColumns<Commitment> Sorts = new SortColumns<Commitment>(new ListSort("pledged", Descending: true), c => c.Id)
        .Add("pledged", c => c.PledgedDate)
        .Add("due", c => c.DueDate, c => c.PledgedDate)
        .Add("title", c => c.Title)
        .Add("partner", c => c.PartnerCode, c => c.PledgedDate)
        .AddInDeclaredOrder("sector", c => c.Sector, c => c.PledgedDate)
        .AddInDeclaredOrder("status", c => c.Status, c => c.PledgedDate)
        .Add("classification", c => c.Classification, c => c.PledgedDate);

    public DateOnly Today => clock.Today();

    public async Task<ListResult<CommitmentListItem>> ListAsync(CommitmentFilter f, CancellationToken ct)
    {
        var query = Matching(f);
        var paging = Paging.From(f.Page, f.PageSize);
        var total = await query.CountAsync(ct);
        var page = await ItemsAsync(Sorts.Apply(query, Sorts.Parse(f.Sort)).Skip(paging.Skip).Take(paging.PageSize), ct);
        return new ListResult<CommitmentListItem>(page, total);
    }

    /// <summary>The commitments a filter selects, through the classification filter: the one query behind
    /// the list, its API, its export and the partner page.</summary>
    public IQueryable<Commitment> Matching(CommitmentFilter f)
    {
        var query = db.Commitments.AsNoTracking();
        if (f.From is { } from) query = query.Where(c => c.PledgedDate >= from);
        if (f.To is { } to) query = query.Where(c => c.PledgedDate <= to);
        if (!string.IsNullOrWhiteSpace(f.Partner))
        {
            var code = f.Partner.Trim().ToUpperInvariant();
            query = query.Where(c => c.PartnerCode == code);
        }
        if (Codes<CommitmentSector>.TryParse(f.Sector, out var sector)) query = query.Where(c => c.Sector == sector);
        if (Codes<CommitmentStatus>.TryParse(f.Status, out var status)) query = query.Where(c => c.Status == status);
        if (Codes<CommitmentDirection>.TryParse(f.Direction, out var direction)) query = query.Where(c => c.Direction == direction);
        if (f.Unit is { } unit) query = query.Where(c => c.OwnerUnitId == unit);
        if (f.Agreement is { } agreement) query = query.Where(c => c.AgreementId == agreement);
        if (f.Activity is { } activity) query = query.Where(c => c.ActivityId == activity);
        query = Due(query, f.Due?.Trim());
        return query.MatchingSearch(f.Q);
    }

    /// <summary>Overdue: past due and not fulfilled (<see cref="CommitmentWorkflow.IsOverdue"/>); 30 or 90:
    /// still unfinished (open or in progress) and due from today to so many days ahead.</summary>
    private IQueryable<Commitment> Due(IQueryable<Commitment> query, string? due)
    {
        var today = Today;
        switch (due)
        {
            case "overdue":
                return query.Where(c => c.DueDate != null && c.DueDate < today
                    && c.Status != CommitmentStatus.Fulfilled && c.Status != CommitmentStatus.Cancelled);
            case "30" or "90":
                var last = today.AddDays(due == "30" ? 30 : 90);
                return query.Where(c => c.DueDate != null && c.DueDate >= today && c.DueDate <= last
                    && (c.Status == CommitmentStatus.Open || c.Status == CommitmentStatus.InProgress));
            default:
                return query;
        }
    }

    /// <summary>The commitments of <paramref name="query"/> (in its order) with what was delivered of each.</summary>
    public async Task<List<CommitmentListItem>> ItemsAsync(IQueryable<Commitment> query, CancellationToken ct)
    {
        var rows = await query.Select(c => new
        {
            c.Id, c.ExternalRef, c.Title, c.PartnerCode, c.Sector, c.Direction, c.Amount, c.Unit, c.PledgedDate, c.DueDate, c.Status, c.Classification,
        }).ToListAsync(ct);
        var delivered = await DeliveredAsync(rows.Select(r => r.Id).ToList(), ct);
        var today = Today;
        return rows.Select(r => new CommitmentListItem(r.Id, r.ExternalRef, r.Title, r.PartnerCode, Codes<CommitmentSector>.ToCode(r.Sector),
            Codes<CommitmentDirection>.ToCode(r.Direction), r.Amount, r.Unit, delivered.GetValueOrDefault(r.Id), r.PledgedDate, r.DueDate,
            Codes<CommitmentStatus>.ToCode(r.Status), CommitmentWorkflow.IsOverdue(r.Status, r.DueDate, today), r.Classification.ToCode())).ToList();
    }

    /// <summary>The sum of the deliveries' amounts of each commitment (null when none has an amount).
    /// Summed here, not in SQL: SQLite keeps decimals as text and cannot add them exactly.</summary>
    public async Task<Dictionary<int, decimal?>> DeliveredAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var amounts = await db.Commitments.AsNoTracking().Where(c => ids.Contains(c.Id)).SelectMany(c => c.Deliveries)
            .Where(d => d.Amount != null).Select(d => new { d.CommitmentId, d.Amount }).ToListAsync(ct);
        return amounts.GroupBy(a => a.CommitmentId).ToDictionary(g => g.Key, g => (decimal?)g.Sum(a => a.Amount!.Value));
    }

    /// <summary>A partner's unfinished commitments (open or in progress), the soonest due first (undated last).</summary>
    public Task<List<CommitmentListItem>> OpenOfPartnerAsync(string partnerCode, CancellationToken ct, int take = 20) =>
        ItemsAsync(db.Commitments.AsNoTracking()
            .Where(c => c.PartnerCode == partnerCode && (c.Status == CommitmentStatus.Open || c.Status == CommitmentStatus.InProgress))
            .OrderBy(c => c.DueDate == null).ThenBy(c => c.DueDate).ThenBy(c => c.Id).Take(take), ct);

    public Task<int> CountOfPartnerAsync(string partnerCode, CancellationToken ct) =>
        db.Commitments.CountAsync(c => c.PartnerCode == partnerCode, ct);

    public async Task<CommitmentDetail?> DetailAsync(int id, CancellationToken ct)
    {
        var c = await db.Commitments.AsNoTracking().Include(x => x.Deliveries).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        // The activity's title only when the reader may see the activity (its own filter applies).
        string? activityTitle = null;
        if (c.ActivityId is { } activityId)
            activityTitle = await db.Set<Activities.Activity>().AsNoTracking().Where(a => a.Id == activityId)
                .Select(a => a.Title ?? a.ExternalRef).SingleOrDefaultAsync(ct);
        string? agreementTitle = null;
        if (c.AgreementId is { } agreementId)
        {
            var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == agreementId)
                .Select(a => new { a.TitleVi, a.TitleEn, a.ExternalRef }).SingleOrDefaultAsync(ct);
            if (agreement is not null)
                agreementTitle = (LocalizationSetup.IsVietnamese ? agreement.TitleVi ?? agreement.TitleEn : agreement.TitleEn ?? agreement.TitleVi) ?? agreement.ExternalRef;
        }
        return ToDetail(c, agreementTitle, activityTitle, Today);
    }

    public static CommitmentDetail ToDetail(Commitment c, string? agreementTitle, string? activityTitle, DateOnly today)
    {
        var deliveries = c.Deliveries.OrderBy(d => d.Date).ThenBy(d => d.Id)
            .Select(d => new DeliveryDto(d.Id, d.ExternalRef, d.Date, d.Amount, d.Evidence, d.Source, DeliveryAttachments.ToDto(d))).ToList();
        var withAmount = deliveries.Where(d => d.Amount is not null).ToList();
        return new CommitmentDetail(c.Id, c.ExternalRef, c.AgreementId, agreementTitle, c.ActivityId, activityTitle, c.PartnerCode,
            Codes<CommitmentDirection>.ToCode(c.Direction), Codes<CommitmentSector>.ToCode(c.Sector), c.Title, c.Amount, c.Unit,
            c.PledgedDate, c.DueDate, c.OwnerUnitId, Codes<CommitmentStatus>.ToCode(c.Status),
            CommitmentWorkflow.NextOf(c.Status).Select(Codes<CommitmentStatus>.ToCode).ToList(),
            CommitmentWorkflow.IsOverdue(c.Status, c.DueDate, today), c.ThemeList(), c.Sources, c.Notes, c.Classification.ToCode(), c.Version,
            withAmount.Count == 0 ? null : withAmount.Sum(d => d.Amount!.Value), deliveries);
    }

    public async Task<List<ExchangeRateDto>> RatesAsync(CancellationToken ct) =>
        (await db.ExchangeRates.AsNoTracking().Select(r => new { r.Year, r.Currency, r.UsdPerUnit, r.Source, r.Version }).ToListAsync(ct))
            .OrderByDescending(r => r.Year).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .Select(r => new ExchangeRateDto(r.Year, r.Currency, r.UsdPerUnit, r.Source, r.Version)).ToList();
}
