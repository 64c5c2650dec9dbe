using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Ui;

namespace Chancery.Web.Agreements.Pages;

/// <summary>The edit form's model: what the browser posts (codes as strings, parties as repeated picker
/// rows, blank ones being the spare rows the page offers).</summary>
public sealed class AgreementForm
{
    public const string MoreParties = "more-parties";

    public string? ExternalRef { get; set; }
    public string Type { get; set; } = "mou";
    public string? Channel { get; set; }
    public string? TitleVi { get; set; }
    public string? TitleEn { get; set; }
    public List<string?> Parties { get; set; } = [];
    public string? OurSignatory { get; set; }
    public string? TheirSignatory { get; set; }
    public DateOnly? SignedDate { get; set; }
    public string? SignedPlace { get; set; }
    public int? ActivityId { get; set; }
    public DateOnly? EntryIntoForce { get; set; }
    public DateOnly? ExpiryDate { get; set; }
    public string Status { get; set; } = "signed";
    public int? OwnerUnitId { get; set; }
    public string? Sources { get; set; }
    public string? Notes { get; set; }
    public string Classification { get; set; } = "internal";
    public int Version { get; set; }

    /// <summary>The parties filled in, in the form's order.</summary>
    public List<string> FilledParties() => Parties.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();

    /// <summary>The filled parties followed by <paramref name="spare"/> blank rows to fill.</summary>
    public void PadParties(int spare) => Parties = [.. FilledParties(), .. Enumerable.Repeat<string?>(null, spare)];

    public AgreementInput ToInput(IReadOnlyList<string> themes) => new(
        Blank(ExternalRef), Type, Blank(Channel), Blank(TitleVi), Blank(TitleEn), FilledParties(), Blank(OurSignatory), Blank(TheirSignatory),
        SignedDate, Blank(SignedPlace), ActivityId, EntryIntoForce, ExpiryDate, Blank(Status), themes, OwnerUnitId, Blank(Classification),
        Blank(Sources), Blank(Notes), Version);

    public static AgreementForm From(AgreementDetail d) => new()
    {
        ExternalRef = d.ExternalRef, Type = d.Type, Channel = d.Channel, TitleVi = d.TitleVi, TitleEn = d.TitleEn,
        Parties = d.Parties.Select(p => (string?)p.Code).ToList(), OurSignatory = d.OurSignatory, TheirSignatory = d.TheirSignatory,
        SignedDate = d.SignedDate, SignedPlace = d.SignedPlace, ActivityId = d.ActivityId, EntryIntoForce = d.EntryIntoForce,
        ExpiryDate = d.ExpiryDate, Status = d.Status, OwnerUnitId = d.OwnerUnitId, Sources = d.Sources, Notes = d.Notes,
        Classification = d.Classification, Version = d.Version,
    };

    /// <summary>The editor's values beside the stored ones, for the conflict notice (<paramref name="g"/> words a label).</summary>
    public List<ConflictNotice.Row> ConflictRows(AgreementDetail stored, Func<string, string> g, Func<string, string> t) =>
    [
        new(g("Type"), Type, stored.Type),
        new(g("Status"), Status, stored.Status),
        new(g("TitleVi"), TitleVi, stored.TitleVi),
        new(g("TitleEn"), TitleEn, stored.TitleEn),
        new(g("Parties"), string.Join(", ", FilledParties()), string.Join(", ", stored.Parties.Select(p => p.Code))),
        new(g("SignedDate"), Formats.Date(SignedDate), Formats.Date(stored.SignedDate)),
        new(g("SignedPlace"), SignedPlace, stored.SignedPlace),
        new(g("OurSignatory"), OurSignatory, stored.OurSignatory),
        new(g("TheirSignatory"), TheirSignatory, stored.TheirSignatory),
        new(g("EntryIntoForce"), Formats.Date(EntryIntoForce), Formats.Date(stored.EntryIntoForce)),
        new(g("ExpiryDate"), Formats.Date(ExpiryDate), Formats.Date(stored.ExpiryDate)),
        new(g("Sources"), Sources, stored.Sources),
        new(t("Classification"), Classification, stored.Classification),
        new(t("Notes"), Notes, stored.Notes),
    ];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
