using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Ui;

namespace Chancery.Web.People.Pages;

/// <summary>The person form's model: what the browser posts. Office periods are repeated rows; a blank
/// row is the spare one the page offers, a row ticked "remove" is left out, and both are dropped before
/// the writer sees the periods (whose problems then come back by position among those sent).</summary>
public sealed class PersonForm
{
    public string? FullName { get; set; }
    public string? NameEn { get; set; }
    public string Side { get; set; } = "foreign";
    public string? CountryIso3 { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
    public List<OfficeRow> Offices { get; set; } = [];

    public sealed class OfficeRow
    {
        public int? Id { get; set; }
        public int? OfficeId { get; set; }
        public string? Title { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public bool Remove { get; set; }

        public bool IsBlank => Id is null && OfficeId is null && string.IsNullOrWhiteSpace(Title) && From is null && To is null;
    }

    /// <summary>The rows sent to the writer, with their row index on the page.</summary>
    public List<(int Row, OfficeRow Office)> SentOffices() =>
        (Offices ?? []).Select((o, row) => (row, o)).Where(x => !x.o.IsBlank && !x.o.Remove).ToList();

    /// <summary>The name a page row's problems carry (offices[k]), or null for a row not sent.</summary>
    public string? FieldOf(int row)
    {
        var position = SentOffices().FindIndex(x => x.Row == row);
        return position < 0 ? null : $"offices[{position}]";
    }

    /// <summary>Keeps the rows where the editor put them (problems sit beside their row) and adds a blank
    /// one at the end unless there is one.</summary>
    public void KeepSpareRow()
    {
        Offices ??= [];
        if (Offices.Count == 0 || !Offices[^1].IsBlank) Offices.Add(new OfficeRow());
    }

    /// <summary>Drops blank rows and adds one, so the editor always has a row to fill.</summary>
    public void PadOffices()
    {
        Offices ??= [];
        Offices.RemoveAll(o => o.IsBlank);
        Offices.Add(new OfficeRow());
    }

    public PersonInput ToInput() => new(FullName, NameEn, Side, CountryIso3, Notes,
        SentOffices().Select(x => new PersonOfficePeriod(x.Office.Id, x.Office.OfficeId, x.Office.Title, x.Office.From ?? default, x.Office.To)).ToList(),
        Version);

    public static PersonForm From(PersonDetail d) => new()
    {
        FullName = d.FullName, NameEn = d.NameEn, Side = d.Side, CountryIso3 = d.CountryIso3, Notes = d.Notes, Version = d.Version,
        Offices = d.Offices.Select(o => new OfficeRow { Id = o.Id, OfficeId = o.OfficeId, Title = o.Title, From = o.From, To = o.To }).ToList(),
    };

    /// <summary>The editor's values beside the stored ones, for the conflict notice. <paramref name="l"/> and
    /// <paramref name="t"/> word a label (the People texts and the shared ones); <paramref name="office"/>
    /// names a reference office.</summary>
    public List<ConflictNotice.Row> ConflictRows(PersonDetail stored, Func<string, string> l, Func<string, string> t, Func<int?, string?, string> office)
    {
        string Periods(IEnumerable<(int? OfficeId, string? Title, DateOnly? From, DateOnly? To)> periods) =>
            string.Join("; ", periods.Select(p => $"{office(p.OfficeId, p.Title)} {Formats.Date(p.From)}–{Formats.Date(p.To)}"));
        return
        [
            new(l("FullName"), FullName, stored.FullName),
            new(l("NameEn"), NameEn, stored.NameEn),
            new(l("Side"), l("Side_" + Side), l("Side_" + stored.Side)),
            new(l("Country"), CountryIso3, stored.CountryIso3),
            new(l("Offices"), Periods(SentOffices().Select(x => (x.Office.OfficeId, x.Office.Title, x.Office.From, x.Office.To))),
                Periods(stored.Offices.Select(o => (o.OfficeId, o.Title, (DateOnly?)o.From, o.To)))),
            new(t("Notes"), Notes, stored.Notes),
        ];
    }
}
