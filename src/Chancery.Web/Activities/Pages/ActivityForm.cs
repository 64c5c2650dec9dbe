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

    public ActivityInput ToInput(IReadOnlyList<string> themes) => new(
        Blank(ExternalRef), Kind, Blank(Direction), Blank(Status), DateStart ?? default, DateEnd, Blank(Title), Blank(HostOrVenue),
        Blank(Channel), LeadPersonId, Blank(LeaderRoleText), CounterpartPersonId, Blank(CounterpartRoleText), PartOfId, OwnerUnitId,
        Blank(Outcomes), themes, Blank(Sources), Blank(Notes), Blank(Classification),
        FilledLegs().Select(x => new ActivityLegInput(x.Leg.CountryIso3?.Trim() ?? "", Blank(x.Leg.City), x.Leg.DateStart, x.Leg.DateEnd)).ToList(),
        Version);

    public static ActivityForm From(ActivityDetail d) => new()
    {
        ExternalRef = d.ExternalRef, Kind = d.Kind, Direction = d.Direction, Status = d.Status, DateStart = d.DateStart, DateEnd = d.DateEnd,
        Title = d.Title, HostOrVenue = d.HostOrVenue, Channel = d.Channel, LeadPersonId = d.LeadPersonId, LeaderRoleText = d.LeaderRoleText,
        CounterpartPersonId = d.CounterpartPersonId, CounterpartRoleText = d.CounterpartRoleText, PartOfId = d.PartOfId,
        OwnerUnitId = d.OwnerUnitId, Outcomes = d.Outcomes, Sources = d.Sources, Notes = d.Notes, Classification = d.Classification,
        Version = d.Version,
        Legs = d.Legs.Select(l => new LegRow { CountryIso3 = l.CountryIso3, City = l.City, DateStart = l.DateStart, DateEnd = l.DateEnd }).ToList(),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
