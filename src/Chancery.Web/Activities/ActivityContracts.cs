namespace Chancery.Web.Activities;

public sealed record ActivityListItem(
    int Id, string ExternalRef, string Kind, string Status, DateOnly DateStart, DateOnly DateEnd, string? Title,
    string? Leader, string? LeaderRole, IReadOnlyList<string> Countries, string Classification);

public sealed record ActivityLegDto(int Order, string CountryIso3, string? City, DateOnly? DateStart, DateOnly? DateEnd);

public sealed record ActivityDetail(
    int Id, string ExternalRef, string Kind, string Direction, string Status, DateOnly DateStart, DateOnly DateEnd,
    string? Title, string? HostOrVenue, string? Channel,
    int? LeadPersonId, string? LeadPersonName, string? LeaderRoleText,
    int? CounterpartPersonId, string? CounterpartName, string? CounterpartRoleText,
    int? PartOfId, int? OwnerUnitId, string? Outcomes, IReadOnlyList<string> Themes, string? Sources, string? Notes,
    string Classification, int Version, IReadOnlyList<ActivityLegDto> Legs) : Common.Concurrency.IVersionedRecord;

public sealed record ActivityLegInput(string CountryIso3, string? City, DateOnly? DateStart, DateOnly? DateEnd);

/// <summary>A create or an update. Codes are the interchange codes (state_visit, completed …).
/// Version is the one the editor started from (updates only).</summary>
public sealed record ActivityInput(
    string? ExternalRef, string Kind, string? Direction, string? Status, DateOnly DateStart, DateOnly? DateEnd,
    string? Title, string? HostOrVenue, string? Channel, int? LeadPersonId, string? LeaderRoleText,
    int? CounterpartPersonId, string? CounterpartRoleText, int? PartOfId, int? OwnerUnitId,
    string? Outcomes, IReadOnlyList<string>? Themes, string? Sources, string? Notes, string? Classification,
    IReadOnlyList<ActivityLegInput>? Legs, int? Version);

public sealed record ActivityFilter(
    DateOnly? From, DateOnly? To, string? Kind, string? Leader, string? Partner, string? Channel, string? Status,
    string? Theme, int? Unit, string? Q, int? Page, int? PageSize, bool? ExactTotal = null);
