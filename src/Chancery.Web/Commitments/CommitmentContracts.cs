using Chancery.Web.Common.Api;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Commitments;

public sealed record CommitmentListItem(
    int Id, string ExternalRef, string Title, string PartnerCode, string Sector, string Direction, decimal? Amount, string? Unit,
    decimal? Delivered, DateOnly PledgedDate, DateOnly? DueDate, string Status, bool Overdue, string Classification);

/// <summary>A delivery as read; <c>attachment</c> is its evidence file (download: <see cref="DeliveryAttachmentDto.DownloadUrl"/>), null when none.</summary>
public sealed record DeliveryDto(int Id, string ExternalRef, DateOnly Date, decimal? Amount, string? Evidence, string? Source, DeliveryAttachmentDto? Attachment = null);

public sealed record CommitmentDetail(
    int Id, string ExternalRef, int? AgreementId, string? AgreementTitle, int? ActivityId, string? ActivityTitle, string PartnerCode, string Direction, string Sector,
    string Title, decimal? Amount, string? Unit, DateOnly PledgedDate, DateOnly? DueDate, int? OwnerUnitId, string Status,
    IReadOnlyList<string> NextStatuses, bool Overdue, IReadOnlyList<string> Themes, string? Sources, string? Notes, string Classification,
    int Version, decimal? Delivered, IReadOnlyList<DeliveryDto> Deliveries) : IVersionedRecord;

/// <summary>A create or an update, in the interchange codes (inbound, oda, in_progress …). Version is
/// the one the editor started from (updates only). A change of status is checked against the workflow.</summary>
public sealed record CommitmentInput(
    string? ExternalRef, int? AgreementId, int? ActivityId, string? PartnerCode, string? Direction, string? Sector, string? Title,
    decimal? Amount, string? Unit, DateOnly? PledgedDate, DateOnly? DueDate, int? OwnerUnitId, string? Status,
    IReadOnlyList<string>? Themes, string? Sources, string? Notes, string? Classification, int? Version) : Common.Concurrency.IVersionedRequest
{
    public Common.Concurrency.IVersionedRequest WithVersion(int version) => this with { Version = version };
}

/// <summary>Only the status (the detail page's workflow buttons): the version the reader saw.</summary>
public sealed record CommitmentStatusInput(string? Status, int? Version);

public sealed record DeliveryInput(DateOnly? Date, decimal? Amount, string? Evidence, string? Source, string? ExternalRef = null);

public sealed record ExchangeRateDto(int Year, string Currency, decimal UsdPerUnit, string? Source, int Version = 0) : IVersionedRecord;

public sealed record ExchangeRateInput(int? Year, string? Currency, decimal? UsdPerUnit, string? Source);

/// <summary>What the commitment list, its API and its export are filtered by. <c>due</c>: <c>overdue</c>,
/// <c>30</c> or <c>90</c> (due in the next so many days, unfinished).</summary>
public sealed record CommitmentFilter(
    string? Q, string? Partner, [property: CodeSet(typeof(CommitmentSector))] string? Sector, [property: CodeSet(typeof(CommitmentStatus))] string? Status,
    [property: CodeSet(typeof(CommitmentDirection))] string? Direction, DateOnly? From, DateOnly? To, int? Unit,
    int? Agreement, int? Activity, [property: CodeSet(typeof(CommitmentDueCodes))] string? Due, int? Page, int? PageSize, string? Sort = null)
{
    public void CheckCodes(Problems problems)
    {
        Codes<CommitmentSector>.CheckFilter(Sector, "sector", problems);
        Codes<CommitmentStatus>.CheckFilter(Status, "status", problems);
        Codes<CommitmentDirection>.CheckFilter(Direction, "direction", problems);
        if (!string.IsNullOrWhiteSpace(Due) && !CommitmentDueCodes.All.Contains(Due.Trim())) problems.Add("due", ErrorCodes.OneOf, string.Join(", ", CommitmentDueCodes.All));
    }

    public bool IsFiltered => From is not null || To is not null || Unit is not null || Agreement is not null || Activity is not null ||
        new[] { Q, Partner, Sector, Status, Direction, Due }.Any(v => !string.IsNullOrWhiteSpace(v));
}

/// <summary>The values of the commitment list's <c>due</c> filter: overdue, or due in the next 30 or 90 days.</summary>
public static class CommitmentDueCodes
{
    public static readonly string[] All = ["overdue", "30", "90"];
}
