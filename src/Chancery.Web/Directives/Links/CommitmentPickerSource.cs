using System.Globalization;
using Chancery.Web.Commitments;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Ui;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives.Links;

/// <summary>Commitments the reader may see, by their words or reference, the latest pledged first: the
/// commitment a task is carried out by. (Its own kind name, so it never meets a picker the Commitments
/// module may offer one day.)</summary>
public sealed class TaskCommitmentPickerSource(ChanceryDbContext db) : IPickerSource
{
    public const string KindName = "task-commitments";

    public string Kind => KindName;

    public async Task<IReadOnlyList<PickerOption>> FindAsync(PickerQuery query, CancellationToken ct) =>
        Options(await db.Commitments.AsNoTracking().MatchingSearch(query.Q)
            .OrderByDescending(c => c.PledgedDate).ThenByDescending(c => c.Id).Take(query.Limit)
            .Select(c => new Row(c.Id, c.Title, c.ExternalRef, c.PartnerCode, c.PledgedDate)).ToListAsync(ct));

    public async Task<IReadOnlyList<PickerOption>> ChosenAsync(IReadOnlyCollection<string> values, CancellationToken ct)
    {
        var ids = values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        return Options(await db.Commitments.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new Row(c.Id, c.Title, c.ExternalRef, c.PartnerCode, c.PledgedDate)).ToListAsync(ct));
    }

    private sealed record Row(int Id, string Title, string ExternalRef, string PartnerCode, DateOnly PledgedDate);

    private static List<PickerOption> Options(IEnumerable<Row> rows) => rows.Select(c =>
        new PickerOption(c.Id.ToString(CultureInfo.InvariantCulture), c.Title, $"{Formats.Date(c.PledgedDate)} · {c.PartnerCode} · {c.ExternalRef}")
        { Search = TextFolding.FoldAll(c.Title, c.ExternalRef, c.PartnerCode) }).ToList();
}
