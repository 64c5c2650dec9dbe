using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Partners;
using Chancery.Web.People;
using Chancery.Web.Activities;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Reports;

/// <summary>Computes the annual review with one query through the DbContext (so the classification
/// filter decides what is counted): the counted activities with their leaders, their countries and the
/// countries' names. Ranks are decided in the database by joining the ranked office periods
/// (person_offices) held on the start date (PersonOffice.HeldOnDay) to the activities, which runs the same on SQLite and PostgreSQL.</summary>
public sealed class AnnualReviewQuery(ChanceryDbContext db)
{
    /// <summary>The review of a period, for the review page (the benchmarks call the static form with their own context).</summary>
    public Task<AnnualReview> ComputeAsync(ReviewPeriod period, CancellationToken ct) =>
        ComputeAsync(db, period.From, period.To, period.Tier, period.Forecast, ct);

    /// <summary>The review of a period, for the API.</summary>
    public Task<AnnualReview> ComputeAsync(DateOnly from, DateOnly to, int tier, bool forecast, CancellationToken ct) =>
        ComputeAsync(db, from, to, tier, forecast, ct);

    private static readonly ActivityKind[] CountedKinds =
    [
        .. ActivityKinds.OutgoingVisits, ActivityKind.IncomingVisit, ActivityKind.MultilateralConference,
        ActivityKind.BilateralMeeting, ActivityKind.PhoneCall, ActivityKind.OnlineTalk,
    ];

    /// <summary>The rank that makes a visiting counterpart count: tier 1 (heads of state or government,
    /// party leaders, heads of parliament, the UN Secretary-General).</summary>
    public const int IncomingCounterpartTier = 1;

    public static async Task<AnnualReview> ComputeAsync(ChanceryDbContext db, DateOnly from, DateOnly to, int tier, bool forecast, CancellationToken ct)
    {
        ActivityStatus[] statuses = forecast
            ? [ActivityStatus.Completed, ActivityStatus.Planned, ActivityStatus.Confirmed]
            : [ActivityStatus.Completed];

        // A join of the ranked office periods and the period's activities, the shape of the fastest
        // hand-written SQL (bench/Chancery.Benchmarks/ReviewSql.cs). The period's activities of the counted
        // kinds are read from the covering (kind, start date, classification, status, people) index alone
        // (ActivityConfiguration), and each finds its person's office periods by (person, from). The join to
        // Activities keeps the classification filter.
        var inPeriod = db.Activities.Where(a => a.DateStart >= from && a.DateStart <= to && statuses.Contains(a.Status));
        var led = db.PersonOffices.Where(o => o.OfficeId != null && o.Office!.Tier <= tier)
            .Join(inPeriod, o => (int?)o.PersonId, a => a.LeadPersonId, (o, a) => new { Office = o, Activity = a })
            .Where(x => x.Activity.Kind != ActivityKind.IncomingVisit && CountedKinds.Contains(x.Activity.Kind))
            .WhereHeldOn(x => x.Office, x => x.Activity.DateStart)
            .Select(x => x.Activity.Id);
        var received = db.PersonOffices.Where(o => o.OfficeId != null && o.Office!.Tier <= IncomingCounterpartTier)
            .Join(inPeriod, o => (int?)o.PersonId, a => a.CounterpartPersonId, (o, a) => new { Office = o, Activity = a })
            .Where(x => x.Activity.Kind == ActivityKind.IncomingVisit)
            .WhereHeldOn(x => x.Office, x => x.Activity.DateStart)
            .Select(x => x.Activity.Id);
        var counted = led.Union(received);

        // One connection for the whole review (SQLite: opening and closing one per query cost a few ms).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ComputeOpenAsync(db, from, to, tier, forecast, counted, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<AnnualReview> ComputeOpenAsync(ChanceryDbContext db, DateOnly from, DateOnly to, int tier, bool forecast,
        IQueryable<int> counted, CancellationToken ct)
    {
        // One statement, as the floor runs it: the counted activities with their leader, each leg's country in
        // leg order (a row per leg) and that country's names (through the partners' filter). The legs and the
        // names were two more statements, which on SQLite cost as much as a third of the review.
        // Captured sets: an expression tree cannot hold the modules' extension properties themselves.
        var allLegs = db.ActivityLegs;
        var partners = db.Partners;
        var rows = await (
                from a in db.Activities.AsNoTracking().Where(a => counted.Contains(a.Id))
                from l in allLegs.Where(l => l.ActivityId == a.Id).DefaultIfEmpty()
                from p in partners.Where(p => p.Code == l!.CountryIso3).DefaultIfEmpty()
                orderby a.DateStart, a.Id, l!.Order
                select new
                {
                    a.Id, a.ExternalRef, a.Title, a.TitleEn, a.Kind, a.DateStart, Leader = a.LeadPerson == null ? null : a.LeadPerson.FullName,
                    a.Classification, Country = (string?)l!.CountryIso3, NameVi = (string?)p!.NameVi, NameEn = (string?)p!.NameEn,
                })
            .ToListAsync(ct);

        var records = new List<ReviewRecord>();
        var names = new Dictionary<string, ReviewCountry>();
        for (var i = 0; i < rows.Count;)
        {
            var r = rows[i];
            var countries = new List<string>();
            for (; i < rows.Count && rows[i].Id == r.Id; i++)
            {
                if (rows[i].Country is not { } code) continue;
                countries.Add(code);
                if (rows[i] is { NameVi: { } vi, NameEn: { } en }) names.TryAdd(code, new ReviewCountry(code, vi, en));
            }
            records.Add(new ReviewRecord(r.Id, r.ExternalRef, r.Title, Codes<ActivityKind>.ToCode(r.Kind), r.DateStart, r.Leader, countries,
                r.Classification.ToCode()) { TitleEn = r.TitleEn });
        }
        List<ReviewRecord> OfKind(params ActivityKind[] kinds) =>
            records.Where(r => kinds.Any(k => Codes<ActivityKind>.ToCode(k) == r.Kind)).ToList();

        var outgoing = OfKind(ActivityKinds.OutgoingVisits);
        var incoming = OfKind(ActivityKind.IncomingVisit);
        var conferences = OfKind(ActivityKind.MultilateralConference);
        var bilateral = OfKind(ActivityKind.BilateralMeeting);
        var calls = OfKind(ActivityKind.PhoneCall);
        var talks = OfKind(ActivityKind.OnlineTalk);
        // The headline: every counted record except bilateral meetings, which are reported beside it.
        var headline = records.Where(r => r.Kind != Codes<ActivityKind>.ToCode(ActivityKind.BilateralMeeting)).ToList();

        var visited = outgoing.SelectMany(r => r.Countries).Distinct()
            .Select(c => names.TryGetValue(c, out var country) ? country : new ReviewCountry(c, c, c))
            .OrderBy(c => c.NameEn, StringComparer.Ordinal).ToList();

        var figures = new AnnualReviewFigures(headline.Count, outgoing.Count, visited.Count, conferences.Count,
            bilateral.Count, incoming.Count, calls.Count, talks.Count);
        var lists = new AnnualReviewLists(headline, outgoing, visited, conferences, bilateral, incoming, calls, talks);
        return new AnnualReview(from, to, tier, forecast, figures, lists,
            AnnualReviewParagraph.Vietnamese(figures), AnnualReviewParagraph.English(figures));
    }
}
