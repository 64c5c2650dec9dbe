using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Activities;

public sealed record ActivityListItem(
    int Id, string ExternalRef, [property: CodeSet(typeof(ActivityKind))] string Kind, [property: CodeSet(typeof(ActivityStatus))] string Status, DateOnly DateStart, DateOnly DateEnd, string? Title, string? TitleEn,
    string? Leader, string? LeaderRole, IReadOnlyList<string> Countries, [property: CodeSet(typeof(ClassificationLevel))] string Classification);

public sealed record ActivityLegDto(int Order, string CountryIso3, string? City, DateOnly? DateStart, DateOnly? DateEnd);

public sealed record ActivityDetail(
    int Id, string ExternalRef, [property: CodeSet(typeof(ActivityKind))] string Kind, [property: CodeSet(typeof(ActivityDirection))] string Direction, [property: CodeSet(typeof(ActivityStatus))] string Status, DateOnly DateStart, DateOnly DateEnd,
    string? Title, string? TitleEn, string? HostOrVenue, [property: CodeSet(typeof(ActivityChannel))] string? Channel,
    int? LeadPersonId, string? LeadPersonName, string? LeaderRoleText,
    int? CounterpartPersonId, string? CounterpartName, string? CounterpartRoleText,
    int? PartOfId, int? OwnerUnitId, string? Outcomes, IReadOnlyList<string> Themes, string? Sources, string? Notes,
    [property: CodeSet(typeof(ClassificationLevel))] string Classification, int Version, IReadOnlyList<ActivityLegDto> Legs) : Common.Concurrency.IVersionedRecord;

public sealed record ActivityLegInput(string CountryIso3, string? City, DateOnly? DateStart, DateOnly? DateEnd);

/// <summary>A create or an update. Codes are the interchange codes (state_visit, completed …).
/// Version is the one the editor started from (updates only).</summary>
public sealed record ActivityInput(
    string? ExternalRef, [property: CodeSet(typeof(ActivityKind))] string Kind, [property: CodeSet(typeof(ActivityDirection))] string? Direction, [property: CodeSet(typeof(ActivityStatus))] string? Status, DateOnly DateStart, DateOnly? DateEnd,
    string? Title, string? HostOrVenue, [property: CodeSet(typeof(ActivityChannel))] string? Channel, int? LeadPersonId, string? LeaderRoleText,
    int? CounterpartPersonId, string? CounterpartRoleText, int? PartOfId, int? OwnerUnitId,
    string? Outcomes, IReadOnlyList<string>? Themes, string? Sources, string? Notes, [property: CodeSet(typeof(ClassificationLevel))] string? Classification,
    IReadOnlyList<ActivityLegInput>? Legs, int? Version, string? TitleEn = null) : Common.Concurrency.IVersionedRequest
{
    public Common.Concurrency.IVersionedRequest WithVersion(int version) => this with { Version = version };
}

/// <summary>What the activity list, its API and its export are filtered by (one record, one query:
/// <see cref="ActivityQueries.Matching"/>). Sort is <c>date</c>, <c>-date</c>, <c>title</c> … (<see cref="ActivityQueries.Sorts"/>).</summary>
public sealed record ActivityFilter(
    DateOnly? From, DateOnly? To, [property: CodeSet(typeof(ActivityKind))] string? Kind, string? Leader, string? Partner, [property: CodeSet(typeof(ActivityChannel))] string? Channel, [property: CodeSet(typeof(ActivityStatus))] string? Status,
    string? Theme, int? Unit, string? Q, int? Page, int? PageSize, bool? ExactTotal = null, string? Sort = null)
{
    /// <summary>Whether anything narrows the list (an empty list then means "nothing matches", not "nothing yet").</summary>
    /// <summary>The coded filters (kind, status, channel) as the API checks them: unknown codes are problems.</summary>
    public void CheckCodes(Problems problems)
    {
        Codes<ActivityKind>.CheckFilter(Kind, "kind", problems);
        Codes<ActivityStatus>.CheckFilter(Status, "status", problems);
        Codes<ActivityChannel>.CheckFilter(Channel, "channel", problems);
    }

    public bool IsFiltered => From is not null || To is not null || Unit is not null ||
        new[] { Kind, Leader, Partner, Channel, Status, Theme, Q }.Any(v => !string.IsNullOrWhiteSpace(v));
}
