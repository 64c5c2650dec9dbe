using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Ui;

namespace Chancery.Web.Activities.Pages;

/// <summary>The edit form's model: what the browser posts (codes as strings, legs as repeated rows).
/// Blank leg rows are the spare rows the page offers; they are dropped before validation.</summary>
public sealed class ActivityForm
{
    public string? ExternalRef { get; set; }
    public string Kind { get; set; } = "official_visit";
    public string? Direction { get; set; }
    public string Status { get; set; } = "completed";
    public DateOnly? DateStart { get; set; }
    public DateOnly? DateEnd { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public string? HostOrVenue { get; set; }
    public string? Channel { get; set; }
    public int? LeadPersonId { get; set; }
    public string? LeaderRoleText { get; set; }
    public int? CounterpartPersonId { get; set; }
    public string? CounterpartRoleText { get; set; }
    public int? PartOfId { get; set; }
    public int? OwnerUnitId { get; set; }
    public string? Outcomes { get; set; }
    public string? Sources { get; set; }
    public string? Notes { get; set; }
    public string Classification { get; set; } = "internal";
    public int Version { get; set; }
    public List<LegRow> Legs { get; set; } = [];

    public sealed class LegRow
    {
        public string? CountryIso3 { get; set; }
        public string? City { get; set; }
        public DateOnly? DateStart { get; set; }
        public DateOnly? DateEnd { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(CountryIso3) && string.IsNullOrWhiteSpace(City) && DateStart is null && DateEnd is null;
    }

    /// <summary>Form rows that carry something, with their row index (errors come back by position among these).</summary>
    public List<(int Row, LegRow Leg)> FilledLegs() =>
        Legs.Select((leg, row) => (row, leg)).Where(x => !x.leg.IsBlank).ToList();

    /// <summary>Pads the legs with blank rows so the editor always has <paramref name="spare"/> to fill.</summary>
    public void PadLegs(int spare)
    {
        Legs.RemoveAll(l => l.IsBlank);
        for (var i = 0; i < spare; i++) Legs.Add(new LegRow());
    }

    public const string MoreLegs = "more-legs";
    public static string LegUp(int row) => $"leg-up:{row}";
    public static string LegDown(int row) => $"leg-down:{row}";
    public static string LegRemove(int row) => $"leg-remove:{row}";

    /// <summary>Applies a legs button of the form (add rows, remove a row, move one up or down) and pads
    /// the legs with <paramref name="spare"/> blank rows; false when <paramref name="action"/> is not one
    /// (a save). Nothing is saved: the page shows the form again with the rows changed.</summary>
    public bool ApplyLegAction(string? action, int spare)
    {
        if (action == MoreLegs)
        {
            PadLegs(spare + 3);
            return true;
        }
        var colon = action?.IndexOf(':') ?? -1;
        if (colon < 0 || !int.TryParse(action![(colon + 1)..], out var row)) return false;
        var verb = action[..colon];
        if (verb is not ("leg-up" or "leg-down" or "leg-remove")) return false;
        if (row >= 0 && row < Legs.Count)
        {
            var other = verb == "leg-up" ? row - 1 : row + 1;
            if (verb == "leg-remove") Legs.RemoveAt(row);
            else if (other >= 0 && other < Legs.Count) (Legs[row], Legs[other]) = (Legs[other], Legs[row]);
        }
        PadLegs(spare);
        return true;
    }

    public ActivityInput ToInput(IReadOnlyList<string> themes) => new(
        Blank(ExternalRef), Kind, Blank(Direction), Blank(Status), DateStart ?? default, DateEnd, Blank(Title), Blank(HostOrVenue),
        Blank(Channel), LeadPersonId, Blank(LeaderRoleText), CounterpartPersonId, Blank(CounterpartRoleText), PartOfId, OwnerUnitId,
        Blank(Outcomes), themes, Blank(Sources), Blank(Notes), Blank(Classification),
        FilledLegs().Select(x => new ActivityLegInput(x.Leg.CountryIso3?.Trim() ?? "", Blank(x.Leg.City), x.Leg.DateStart, x.Leg.DateEnd)).ToList(),
        Version, Blank(TitleEn));

    public static ActivityForm From(ActivityDetail d) => new()
    {
        ExternalRef = d.ExternalRef, Kind = d.Kind, Direction = d.Direction, Status = d.Status, DateStart = d.DateStart, DateEnd = d.DateEnd,
        Title = d.Title, TitleEn = d.TitleEn, HostOrVenue = d.HostOrVenue, Channel = d.Channel, LeadPersonId = d.LeadPersonId, LeaderRoleText = d.LeaderRoleText,
        CounterpartPersonId = d.CounterpartPersonId, CounterpartRoleText = d.CounterpartRoleText, PartOfId = d.PartOfId,
        OwnerUnitId = d.OwnerUnitId, Outcomes = d.Outcomes, Sources = d.Sources, Notes = d.Notes, Classification = d.Classification,
        Version = d.Version,
        Legs = d.Legs.Select(l => new LegRow { CountryIso3 = l.CountryIso3, City = l.City, DateStart = l.DateStart, DateEnd = l.DateEnd }).ToList(),
    };

    /// <summary>The editor's values beside the stored ones, for the conflict notice. <paramref name="a"/> and
    /// <paramref name="t"/> word a label (the Activities texts and the shared ones).</summary>
    public List<ConflictNotice.Row> ConflictRows(ActivityDetail stored, Func<string, string> a, Func<string, string> t)
    {
        static string Legs(IEnumerable<(string Code, DateOnly? From, DateOnly? To)> legs) =>
            string.Join(" → ", legs.Select(l => $"{l.Code} {Formats.Date(l.From)}–{Formats.Date(l.To)}"));
        return
        [
            new(a("Kind"), Kind, stored.Kind),
            new(a("Status"), Status, stored.Status),
            new(a("DateStart"), Formats.Date(DateStart), Formats.Date(stored.DateStart)),
            new(a("DateEnd"), Formats.Date(DateEnd ?? DateStart), Formats.Date(stored.DateEnd)),
            new(a("Title"), Title, stored.Title),
            new(a("TitleEnLabel"), TitleEn, stored.TitleEn),
            new(a("LeaderRole"), LeaderRoleText, stored.LeaderRoleText),
            new(a("Venue"), HostOrVenue, stored.HostOrVenue),
            new(a("Channel"), Channel, stored.Channel),
            new(a("CounterpartRole"), CounterpartRoleText, stored.CounterpartRoleText),
            new(a("LegsOrCountries"), Legs(FilledLegs().Select(x => (x.Leg.CountryIso3?.Trim().ToUpperInvariant() ?? "", x.Leg.DateStart, x.Leg.DateEnd))),
                Legs(stored.Legs.Select(l => (l.CountryIso3, l.DateStart, l.DateEnd)))),
            new(a("Outcomes"), Outcomes, stored.Outcomes),
            new(a("Sources"), Sources, stored.Sources),
            new(t("Classification"), Classification, stored.Classification),
            new(t("Notes"), Notes, stored.Notes),
        ];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
