using Chancery.Web.Activities;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Search;

namespace Chancery.Web.Agreements;

/// <summary>One agreement (a treaty, an agreement, a memorandum of understanding, a joint statement,
/// an action plan, a protocol, an exchange of notes), with the partners that are party to it and the
/// activity during which it was signed. One row of agreements.csv.</summary>
public sealed class Agreement : IClassified, IVersioned, ISearchable, ISoftDeletable
{
    public int Id { get; set; }
    /// <summary>The id the record carries in agreements.csv; re-imports match on it.</summary>
    public required string ExternalRef { get; set; }
    public AgreementType Type { get; set; }
    /// <summary>Who concludes it on our side, with the same codes as an activity's channel.</summary>
    public ActivityChannel? Channel { get; set; }
    public string? TitleVi { get; set; }
    public string? TitleEn { get; set; }

    /// <summary>The partners party to it, in the order the record names them.</summary>
    public List<AgreementParty> Parties { get; set; } = [];

    public string? OurSignatory { get; set; }
    public string? TheirSignatory { get; set; }
    /// <summary>Empty only while the agreement is being negotiated.</summary>
    public DateOnly? SignedDate { get; set; }
    public string? SignedPlace { get; set; }
    /// <summary>The activity (a visit, a meeting) during which it was signed.</summary>
    public int? ActivityId { get; set; }
    public Activity? Activity { get; set; }

    public DateOnly? EntryIntoForce { get; set; }
    public DateOnly? ExpiryDate { get; set; }
    /// <summary>The status as recorded (typed or imported). Treaty actions, when there are any, decide
    /// the status shown instead (see AgreementStatusRule).</summary>
    public AgreementStatus Status { get; set; } = AgreementStatus.Signed;

    /// <summary>Theme codes wrapped in ';' (";trade;semiconductors;"), as an activity's.</summary>
    public string Themes { get; set; } = "";
    public int? OwnerUnitId { get; set; }
    /// <summary>Several sources separated by " ; ".</summary>
    public string? Sources { get; set; }
    public string? Notes { get; set; }

    /// <summary>The treaty actions (signature, ratification, entry into force …) in the order entered.</summary>
    public List<TreatyAction> Actions { get; set; } = [];

    public ClassificationLevel Classification { get; set; } = ClassificationLevel.Internal;
    public int Version { get; set; }
    public string SearchText { get; set; } = "";
    /// <summary>Set while the agreement is in the bin (<see cref="ISoftDeletable"/>).</summary>
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }

    /// <summary>The record's own words. The parties' names are matched through the parties
    /// (<see cref="AgreementSearchMatch"/>), so a save that does not load them keeps the same text.</summary>
    public string BuildSearchText() => TextFolding.FoldAll(ExternalRef, TitleVi, TitleEn, OurSignatory, TheirSignatory, SignedPlace);

    /// <summary>The treaty actions as the status rule reads them.</summary>
    public IEnumerable<AgreementStatusRule.Step> Steps() => Actions.Select(a => new AgreementStatusRule.Step(a.Kind, a.Date, a.PartnerId));

    public IReadOnlyList<string> ThemeList() => Themes.Split(';', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The title in the reader's language, the other one when that is missing.</summary>
    public string Title(bool vietnamese) => (vietnamese ? TitleVi ?? TitleEn : TitleEn ?? TitleVi) ?? ExternalRef;
}

/// <summary>A partner party to an agreement (many partners to many agreements).</summary>
public sealed class AgreementParty
{
    public int AgreementId { get; set; }
    public int PartnerId { get; set; }
    /// <summary>The partner's place in the record's list of parties.</summary>
    public int Order { get; set; }
}

public enum AgreementType { Treaty = 1, Agreement, Mou, JointStatement, ActionPlan, Protocol, ExchangeOfNotes }

public enum AgreementStatus { Negotiating = 1, Signed, InForce, Expired, Terminated }
