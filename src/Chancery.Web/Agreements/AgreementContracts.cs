using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Agreements;

/// <summary>A row of the agreement list (codes as the API writes them).</summary>
public sealed record AgreementListItem(
    int Id, string ExternalRef, string Type, string Status, DateOnly? SignedDate, string? TitleVi, string? TitleEn,
    IReadOnlyList<string> Parties, string Classification)
{
    public string Title(bool vietnamese) => (vietnamese ? TitleVi ?? TitleEn : TitleEn ?? TitleVi) ?? ExternalRef;
}

/// <summary>A partner party to an agreement, named in both languages.</summary>
public sealed record AgreementPartyDto(string Code, string NameVi, string NameEn);

public sealed record AgreementDetail(
    int Id, string ExternalRef, string Type, string? Channel, string? TitleVi, string? TitleEn,
    IReadOnlyList<AgreementPartyDto> Parties, string? OurSignatory, string? TheirSignatory,
    DateOnly? SignedDate, string? SignedPlace, int? ActivityId, string? ActivityRef, string? ActivityTitle,
    DateOnly? EntryIntoForce, DateOnly? ExpiryDate, string Status, IReadOnlyList<string> Themes,
    int? OwnerUnitId, string? OwnerUnitCode, string Classification, string? Sources, string? Notes, int Version,
    IReadOnlyList<TreatyActionDto> Actions)
    : Common.Concurrency.IVersionedRecord
{
    public string Title(bool vietnamese) => (vietnamese ? TitleVi ?? TitleEn : TitleEn ?? TitleVi) ?? ExternalRef;
}

/// <summary>A create or an update. Codes are the interchange codes (mou, joint_statement, in_force …);
/// parties are partner codes (ISO3 for a country). Version is the one the editor started from (updates only).</summary>
public sealed record AgreementInput(
    string? ExternalRef, string Type, string? Channel, string? TitleVi, string? TitleEn, IReadOnlyList<string>? Parties,
    string? OurSignatory, string? TheirSignatory, DateOnly? SignedDate, string? SignedPlace, int? ActivityId,
    DateOnly? EntryIntoForce, DateOnly? ExpiryDate, string? Status, IReadOnlyList<string>? Themes, int? OwnerUnitId,
    string? Classification, string? Sources, string? Notes, int? Version) : Common.Concurrency.IVersionedRequest
{
    public Common.Concurrency.IVersionedRequest WithVersion(int version) => this with { Version = version };
}

/// <summary>What the agreement list, its API and its export are filtered by (one record, one query:
/// <see cref="AgreementQueries.Matching"/>). Year is the year of signature.</summary>
public sealed record AgreementFilter(
    [property: CodeSet(typeof(AgreementType))] string? Type, [property: CodeSet(typeof(AgreementStatus))] string? Status, string? Partner, int? Year,
    int? Unit, string? Q, int? Page, int? PageSize, bool? ExactTotal = null, string? Sort = null,
    [property: CodeSet(typeof(ActivityChannel))] string? Channel = null, string? Theme = null)
{
    /// <summary>Unknown codes are problems (the API answers 400 naming the parameter, not the unfiltered list).</summary>
    public void CheckCodes(Problems problems)
    {
        Codes<AgreementType>.CheckFilter(Type, "type", problems);
        Codes<AgreementStatus>.CheckFilter(Status, "status", problems);
        Codes<ActivityChannel>.CheckFilter(Channel, "channel", problems);
        if (Year is < 1900 or > 2200) problems.Add("year", ErrorCodes.Between, 1900, 2200);
    }

    public bool IsFiltered => Year is not null || Unit is not null ||
        new[] { Type, Status, Partner, Q, Channel, Theme }.Any(v => !string.IsNullOrWhiteSpace(v));
}

/// <summary>A treaty action as read (kind as its code; party as the partner's code, none for our side).</summary>
public sealed record TreatyActionDto(int Id, string Kind, DateOnly Date, string? Party, string? Number, string? Source, string? Notes);

/// <summary>A treaty action to record on an agreement. Party is a partner code (none: our own side);
/// Number is the UN registration number (registration only).</summary>
public sealed record TreatyActionInput(string Kind, DateOnly? Date, string? Party, string? Number, string? Source, string? Notes);
