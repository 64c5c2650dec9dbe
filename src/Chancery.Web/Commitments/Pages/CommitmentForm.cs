using System.Globalization;
using Chancery.Web.Common.Ui;

namespace Chancery.Web.Commitments.Pages;

/// <summary>The edit form's model: what the browser posts (codes as strings; themes come as repeated "theme" fields).</summary>
public sealed class CommitmentForm
{
    public string? ExternalRef { get; set; }
    public int? AgreementId { get; set; }
    public int? ActivityId { get; set; }
    public string? PartnerCode { get; set; }
    public string Direction { get; set; } = "inbound";
    public string? Sector { get; set; }
    public string? Title { get; set; }
    public decimal? Amount { get; set; }
    public string? Unit { get; set; }
    public DateOnly? PledgedDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public int? OwnerUnitId { get; set; }
    public string Status { get; set; } = "open";
    public string? Sources { get; set; }
    public string? Notes { get; set; }
    public string Classification { get; set; } = "internal";
    public int Version { get; set; }

    public static CommitmentForm From(CommitmentDetail c) => new()
    {
        ExternalRef = c.ExternalRef, AgreementId = c.AgreementId, ActivityId = c.ActivityId, PartnerCode = c.PartnerCode, Direction = c.Direction,
        Sector = c.Sector, Title = c.Title, Amount = c.Amount, Unit = c.Unit, PledgedDate = c.PledgedDate, DueDate = c.DueDate,
        OwnerUnitId = c.OwnerUnitId, Status = c.Status, Sources = c.Sources, Notes = c.Notes, Classification = c.Classification, Version = c.Version,
    };

    public CommitmentInput ToInput(IReadOnlyList<string> themes, bool isNew) => new(
        ExternalRef, AgreementId, ActivityId, PartnerCode, Direction, Sector, Title, Amount, Unit, PledgedDate, DueDate, OwnerUnitId, Status,
        themes, Sources, Notes, Classification, isNew ? null : Version);

    /// <summary>The editor's values beside the stored ones, for the conflict notice.</summary>
    public IReadOnlyList<ConflictNotice.Row> ConflictRows(CommitmentDetail stored, Func<string, string> word) =>
    [
        new(word("Title"), Title, stored.Title),
        new(word("Partner"), PartnerCode, stored.PartnerCode),
        new(word("Sector"), Sector, stored.Sector),
        new(word("Amount"), Amount?.ToString(CultureInfo.CurrentCulture), stored.Amount?.ToString(CultureInfo.CurrentCulture)),
        new(word("Unit"), Unit, stored.Unit),
        new(word("PledgedDate"), PledgedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), stored.PledgedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new(word("DueDate"), DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), stored.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new(word("Status"), Status, stored.Status),
        new(word("Sources"), Sources, stored.Sources),
        new(word("Notes"), Notes, stored.Notes),
    ];
}
