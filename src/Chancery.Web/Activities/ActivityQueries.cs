using Chancery.Web.People;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>An activity with its leader and its countries (in leg order): the one shape the list, the
/// partner's and person's sections and the calendar read.</summary>
public sealed record ActivitySummary(
    int Id, string ExternalRef, ActivityKind Kind, ActivityStatus Status, DateOnly DateStart, DateOnly DateEnd, string? Title,
    int? LeadPersonId, string? Leader, string? LeaderRoleText, string? HostOrVenue, ClassificationLevel Classification,
    IReadOnlyList<string> Countries)
{
    /// <summary>The English title, when given (<see cref="ActivityTitles"/> picks the one to show).</summary>
    public string? TitleEn { get; init; }
    /// <summary>The leader's office as the reader's language names it (<see cref="OfficeTitles"/>);
    /// <see cref="LeaderRoleText"/> is the record's own text.</summary>
    public string? LeaderRole { get; init; }

    public string KindCode => Codes<ActivityKind>.ToCode(Kind);
    public string StatusCode => Codes<ActivityStatus>.ToCode(Status);

    public ActivityListItem ToListItem() => new(Id, ExternalRef, KindCode, StatusCode, DateStart, DateEnd, Title, TitleEn, Leader, LeaderRole ?? LeaderRoleText,
        Countries, Classification.ToCode());
}

/// <summary>The Activities module's reads, for its endpoints, its pages and the modules that show
/// activities (calendar, partner and person sections). Every read goes through the DbContext's
/// classification filter.</summary>
public sealed class ActivityQueries(ChanceryDbContext db, OfficeTitlesCache officeTitles)
{
    /// <summary>The orders the list offers: newest first unless asked otherwise; ties broken by id.</summary>
    public static readonly SortColumns<Activity> Sorts = new SortColumns<Activity>(new ListSort("date", Descending: true), a => a.Id)
        .Add("date", a => a.DateStart)
        .AddInDeclaredOrder("kind", a => a.Kind, a => a.DateStart)
        .Add("title", a => a.Title ?? a.ExternalRef)
        .Add("leader", a => a.LeadPerson == null ? null : a.LeadPerson.FullName, a => a.DateStart)
        .AddInDeclaredOrder("status", a => a.Status, a => a.DateStart)
        .Add("classification", a => a.Classification, a => a.DateStart);

    public async Task<ListResult<ActivityListItem>> ListAsync(ActivityFilter f, CancellationToken ct)
    {
        var query = Matching(f);
        var paging = Paging.From(f.Page, f.PageSize);
        // Three statements on one connection: EF would otherwise open and reset a pooled connection
        // for each of them, which under load cost as much as the statements themselves.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await PageAsync(query, Sorts.Parse(f.Sort), paging, f.ExactTotal ?? false, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The activities a filter selects, through the classification filter: the one query
    /// behind the list, its API and its export.</summary>
    public IQueryable<Activity> Matching(ActivityFilter f)
    {
        var query = db.Activities.AsNoTracking();
        if (f.From is { } from) query = query.Where(a => a.DateStart >= from);
        if (f.To is { } to) query = query.Where(a => a.DateStart <= to);
        if (Codes<ActivityKind>.TryParse(f.Kind, out var kind)) query = query.Where(a => a.Kind == kind);
        if (Codes<ActivityStatus>.TryParse(f.Status, out var status)) query = query.Where(a => a.Status == status);
        if (Codes<ActivityChannel>.TryParse(f.Channel, out var channel)) query = query.Where(a => a.Channel == channel);
        if (!string.IsNullOrWhiteSpace(f.Leader))
        {
            if (int.TryParse(f.Leader, out var personId)) query = query.Where(a => a.LeadPersonId == personId);
            else
            {
                var people = db.People.MatchingSearch(f.Leader).Select(p => p.Id);
                query = query.Where(a => a.LeadPersonId != null && people.Contains(a.LeadPersonId.Value));
            }
        }
        if (!string.IsNullOrWhiteSpace(f.Partner))
        {
            var code = f.Partner.Trim().ToUpperInvariant();
            query = query.Where(a => a.Legs.Any(l => l.CountryIso3 == code));
        }
        if (!string.IsNullOrWhiteSpace(f.Theme))
        {
            var pattern = "%;" + f.Theme.Trim().ToLowerInvariant() + ";%";
            query = query.Where(a => EF.Functions.Like(a.Themes, pattern));
        }
        if (f.Unit is { } unit) query = query.Where(a => a.OwnerUnitId == unit);
        query = query.Matching(db, f.Q);
        return query;
    }

    /// <summary>One page and its (bounded) total in one statement: the count rides along as an uncorrelated
    /// subquery, which both databases evaluate once, and each row's countries as an aggregate. Under load the
    /// separate count and legs statements cost more in round trips than in database work. A page past the
    /// end has no row to carry the total, so only then is it counted on its own.</summary>
    private async Task<ListResult<ActivityListItem>> PageAsync(IQueryable<Activity> query, ListSort sort, Paging paging, bool exactTotal, CancellationToken ct)
    {
        var page = Sorts.Apply(query, sort).Skip(paging.Skip).Take(paging.PageSize).Select(Row);
        // The bound is a captured variable, so it is sent as a parameter: one cached query and one prepared
        // statement for every page depth, as with ListCount.CountAsync.
        var upTo = ListCount.CountUpTo(paging);
        var rows = exactTotal
            ? await page.Select(r => new { Row = r, Counted = query.Count() }).ToListAsync(ct)
            : await page.Select(r => new { Row = r, Counted = query.Take(upTo).Count() }).ToListAsync(ct);
        var (total, exact) = rows.Count > 0
            ? ListCount.Result(rows[0].Counted, paging, exactTotal)
            : await ListCount.CountAsync(query, paging, exactTotal, ct);
        var offices = rows.Count == 0 ? null : await officeTitles.GetAsync(db, ct);
        return new ListResult<ActivityListItem>(rows.Select(r => Summary(r.Row, CountriesOf(r.Row.Legs), offices!).ToListItem()).ToList(), total, exact);
    }

    /// <summary>The activities of <paramref name="query"/> (in its order) with their leader and countries.</summary>
    /// <remarks>The countries come from a second statement here: the calendar reads a set operation (Concat), through
    /// which EF cannot project a collection.</remarks>
    public async Task<List<ActivitySummary>> SummariesAsync(IQueryable<Activity> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Select(RowWithoutLegs).ToListAsync(ct);
        var countries = await CountriesOfAsync(rows.Select(a => a.Id).ToList(), ct);
        var offices = rows.Count == 0 ? null : await officeTitles.GetAsync(db, ct);
        return rows.Select(r => Summary(r, countries.TryGetValue(r.Id, out var c) ? c : [], offices!)).ToList();
    }

    /// <summary>What a summary reads: the leader's name through the people's filter, and (for a list page, in
    /// the same statement) the legs as one text of "order:country" pairs (an aggregate's order is not guaranteed on every database, so
    /// each pair carries its leg's order and <see cref="CountriesOf"/> sorts them).</summary>
    private sealed class SummaryRow
    {
        public int Id { get; init; }
        public string ExternalRef { get; init; } = "";
        public ActivityKind Kind { get; init; }
        public ActivityStatus Status { get; init; }
        public DateOnly DateStart { get; init; }
        public DateOnly DateEnd { get; init; }
        public string? Title { get; init; }
        public string? TitleEn { get; init; }
        public int? LeadPersonId { get; init; }
        public string? Leader { get; init; }
        public string? LeaderRoleText { get; init; }
        public string? HostOrVenue { get; init; }
        public ClassificationLevel Classification { get; init; }
        public string? Legs { get; init; }
    }

    // Between legs a control character no code contains; within a leg the order ends at the first colon.
    private const string LegSeparator = "\u001f";
    private const string OrderSeparator = ":";

    private static readonly System.Linq.Expressions.Expression<Func<Activity, SummaryRow>> Row = a => new SummaryRow
    {
        Id = a.Id, ExternalRef = a.ExternalRef, Kind = a.Kind, Status = a.Status, DateStart = a.DateStart, DateEnd = a.DateEnd,
        Title = a.Title, TitleEn = a.TitleEn, LeadPersonId = a.LeadPersonId, Leader = a.LeadPerson == null ? null : a.LeadPerson.FullName,
        LeaderRoleText = a.LeaderRoleText, HostOrVenue = a.HostOrVenue, Classification = a.Classification,
        Legs = string.Join(LegSeparator, a.Legs.Select(l => l.Order.ToString() + OrderSeparator + l.CountryIso3)),
    };

    private static readonly System.Linq.Expressions.Expression<Func<Activity, SummaryRow>> RowWithoutLegs = a => new SummaryRow
    {
        Id = a.Id, ExternalRef = a.ExternalRef, Kind = a.Kind, Status = a.Status, DateStart = a.DateStart, DateEnd = a.DateEnd,
        Title = a.Title, TitleEn = a.TitleEn, LeadPersonId = a.LeadPersonId, Leader = a.LeadPerson == null ? null : a.LeadPerson.FullName,
        LeaderRoleText = a.LeaderRoleText, HostOrVenue = a.HostOrVenue, Classification = a.Classification,
    };

    private static ActivitySummary Summary(SummaryRow a, IReadOnlyList<string> countries, OfficeTitles offices) =>
        new(a.Id, a.ExternalRef, a.Kind, a.Status, a.DateStart, a.DateEnd, a.Title, a.LeadPersonId, a.Leader, a.LeaderRoleText, a.HostOrVenue,
            a.Classification, countries)
        {
            TitleEn = a.TitleEn, LeaderRole = offices.Shown(a.LeaderRoleText, Reference.OfficeSide.Domestic),
        };

    /// <summary>The countries of "2:FRA␟1:DEU" in leg order: DEU, FRA.</summary>
    private static IReadOnlyList<string> CountriesOf(string? legs)
    {
        if (string.IsNullOrEmpty(legs)) return [];
        var pairs = legs.Split(LegSeparator);
        if (pairs.Length == 1) return [pairs[0][(pairs[0].IndexOf(':') + 1)..]];
        return pairs.Select(p => (Order: int.Parse(p.AsSpan(0, p.IndexOf(':')), System.Globalization.CultureInfo.InvariantCulture), Country: p[(p.IndexOf(':') + 1)..]))
            .OrderBy(p => p.Order).Select(p => p.Country).ToList();
    }

    /// <summary>Activities that overlap [first, last] (one spanning the window's edge is included), by start date.
    /// Read as two parts so each seeks on its own index instead of reading every activity that began before
    /// the period ends (at 500,000 activities a month's calendar read them all: about 0.35 s in PostgreSQL):
    /// the short activities, which start at most <see cref="Activity.LongSpanDays"/> days before the period,
    /// by start date; the long ones that started earlier (few) by their span. The two parts are disjoint.
    /// (One WHERE with an OR does not do it: SQLite takes the start date's common upper bound as its range.)</summary>
    public Task<List<ActivitySummary>> BetweenAsync(DateOnly first, DateOnly last, Func<IQueryable<Activity>, IQueryable<Activity>> filter, CancellationToken ct)
    {
        var shortFrom = first.AddDays(-Activity.LongSpanDays);
        var startingNear = db.Activities.Where(a => a.DateStart >= shortFrom && a.DateStart <= last && (a.DateEnd >= first || a.DateStart >= first));
        var longBefore = db.Activities.Where(a => a.SpanDays > Activity.LongSpanDays && a.DateStart < shortFrom && a.DateEnd >= first);
        return SummariesAsync(filter(startingNear).Concat(filter(longBefore)).OrderBy(a => a.DateStart).ThenBy(a => a.Id), ct);
    }

    /// <summary>One page of the activities a person took part in, as leader or as counterpart (a foreign
    /// counterpart's meetings), the latest first, and how many there are in all that the reader may see.</summary>
    public async Task<(List<ActivitySummary> Page, int Total)> WithPersonAsync(int personId, Paging paging, CancellationToken ct)
    {
        var with = db.Activities.Where(a => a.LeadPersonId == personId || a.CounterpartPersonId == personId);
        var page = with.OrderByDescending(a => a.DateStart).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize);
        return (await SummariesAsync(page, ct), await with.CountAsync(ct));
    }

    /// <summary>The legs' countries of some activities, in leg order, as a second small query (see
    /// <see cref="SummariesAsync"/>).</summary>
    private async Task<Dictionary<int, List<string>>> CountriesOfAsync(List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var legs = await db.ActivityLegs.AsNoTracking().Where(l => ids.Contains(l.ActivityId))
            .OrderBy(l => l.ActivityId).ThenBy(l => l.Order).Select(l => new { l.ActivityId, l.CountryIso3 }).ToListAsync(ct);
        var byActivity = new Dictionary<int, List<string>>(ids.Count);
        foreach (var leg in legs)
        {
            if (!byActivity.TryGetValue(leg.ActivityId, out var list)) byActivity[leg.ActivityId] = list = [];
            list.Add(leg.CountryIso3);
        }
        return byActivity;
    }

    public async Task<ActivityDetail?> DetailAsync(int id, CancellationToken ct)
    {
        var a = await db.Activities.AsNoTracking().Include(x => x.Legs).Include(x => x.LeadPerson).Include(x => x.CounterpartPerson)
            .Include(x => x.PartOf).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? null : ToDetail(a);
    }

    /// <summary>The references are read through the loaded (filtered) records, never the stored keys: a
    /// parent trip or a person the reader may not see is not named, not even by its number.</summary>
    public static ActivityDetail ToDetail(Activity a) => new(
        a.Id, a.ExternalRef, Codes<ActivityKind>.ToCode(a.Kind), Codes<ActivityDirection>.ToCode(a.Direction),
        Codes<ActivityStatus>.ToCode(a.Status), a.DateStart, a.DateEnd, a.Title, a.TitleEn, a.HostOrVenue,
        a.Channel is { } c ? Codes<ActivityChannel>.ToCode(c) : null,
        a.LeadPerson?.Id, a.LeadPerson?.FullName, a.LeaderRoleText, a.CounterpartPerson?.Id, a.CounterpartPerson?.FullName,
        a.CounterpartRoleText, a.PartOf?.Id, a.OwnerUnitId, a.Outcomes, a.ThemeList(), a.Sources, a.Notes,
        a.Classification.ToCode(), a.Version,
        a.Legs.OrderBy(l => l.Order).Select(l => new ActivityLegDto(l.Order, l.CountryIso3, l.City, l.DateStart, l.DateEnd)).ToList());

    /// <summary>The legs (country and dates, in order) of some activities, for the calendar's "where is the
    /// leader on each day". Reached through the activities, so an activity the reader may not see gives none.</summary>
    public async Task<Dictionary<int, List<ActivityLegDto>>> LegsOfAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var legs = await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id)).SelectMany(a => a.Legs)
            .OrderBy(l => l.ActivityId).ThenBy(l => l.Order)
            .Select(l => new { l.ActivityId, Leg = new ActivityLegDto(l.Order, l.CountryIso3, l.City, l.DateStart, l.DateEnd) })
            .ToListAsync(ct);
        return legs.GroupBy(l => l.ActivityId).ToDictionary(g => g.Key, g => g.Select(l => l.Leg).ToList());
    }

    /// <summary>Country names (partners of kind country, whoever may see them) in the reader's language.</summary>
    public Task<CountryNames> CountryNamesAsync(CancellationToken ct) => PartnerCountryNames.LoadAsync(db, ct);

    /// <summary>The offices' names in the reader's language, for role texts as records wrote them.</summary>
    public Task<OfficeTitles> OfficeTitlesAsync(CancellationToken ct) => officeTitles.GetAsync(db, ct);
}
