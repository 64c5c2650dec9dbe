using Chancery.Web.Common.Api;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Activities;

/// <summary>Deleted activities in the bin: named as their page names them (the title, else the kind),
/// with their dates and leader. One whose leader or counterpart is in the bin too does not come back
/// alone: it would lose them silently (a person in the bin is hidden from every read).</summary>
internal sealed class ActivityBinSource(ChanceryDbContext db, IStringLocalizer<ActivitiesText> text) : BinSource<Activity>(db)
{
    public override string Kind => "activity";
    public override string Label => text["BinKind"];
    public override int Order => 100;

    protected override async Task<IReadOnlyList<BinItem>> ItemsAsync(IQueryable<Activity> records, CancellationToken ct)
    {
        var rows = await records.Select(a => new
        {
            a.Id, a.Title, a.Kind, a.DateStart, a.DateEnd, a.Classification, a.DeletedAt, a.DeletedBy,
            Leader = Db.Set<Person>().WithBin().Where(p => p.Id == a.LeadPersonId).Select(p => p.FullName).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var dates = r.DateEnd == r.DateStart ? Formats.Date(r.DateStart) : $"{Formats.Date(r.DateStart)} – {Formats.Date(r.DateEnd)}";
            var kind = text["Kind_" + Codes<ActivityKind>.ToCode(r.Kind)].Value;
            var detail = string.Join(" · ", new[] { kind, dates, r.Leader }.Where(s => !string.IsNullOrEmpty(s)));
            return Item(r.Id, r.Title ?? kind, detail, r.Classification, r.DeletedAt, r.DeletedBy);
        }).ToList();
    }

    protected override async Task CheckRestoreAsync(Activity record, Problems problems, CancellationToken ct)
    {
        var people = new[] { record.LeadPersonId, record.CounterpartPersonId };
        var inBin = await Db.People.AsNoTracking().InBin().Where(p => people.Contains(p.Id)).Select(p => p.FullName).ToListAsync(ct);
        foreach (var name in inBin) problems.Add("leadPersonId", ActivityErrors.PersonInBin, name);
    }
}
