namespace Chancery.Web.Commitments;

/// <summary>The Commitments module's own problem codes; their words are in CommitmentsText.resx (English)
/// and CommitmentsText.vi.resx. Generic problems use the kernel's <c>ErrorCodes</c>.</summary>
public static class CommitmentErrors
{
    /// <summary>{0}: the unit as written; {1}: the count units.</summary>
    public const string UnknownUnit = "UnknownUnit";
    public const string AmountNeedsUnit = "AmountNeedsUnit";
    public const string AmountNotPositive = "AmountNotPositive";
    /// <summary>{0}: the partner's code as written.</summary>
    public const string UnknownPartner = "CommitmentUnknownPartner";
    public const string UnknownAgreement = "UnknownAgreement";
    public const string UnknownActivity = "CommitmentUnknownActivity";
    public const string UnknownUnitCode = "UnknownOwnerUnit";
    /// <summary>{0}: the theme as written.</summary>
    public const string UnknownTheme = "UnknownCommitmentTheme";
    public const string NeedsOrigin = "NeedsOrigin";
    public const string DueBeforePledge = "DueBeforePledge";
    public const string ReferenceTaken = "CommitmentReferenceTaken";
    public const string PledgedDateRequired = "PledgedDateRequired";
    public const string TitleRequired = "TitleRequired";
    public const string PartnerRequired = "PartnerRequired";
    /// <summary>The workflow: a finished commitment does not move again.</summary>
    public const string StatusFinished = "StatusFinished";
    /// <summary>The workflow: nothing goes back to open.</summary>
    public const string StatusBackToOpen = "StatusBackToOpen";
    /// <summary>The workflow: fulfilled or partially fulfilled only after work began (in progress).</summary>
    public const string StatusNeedsProgress = "StatusNeedsProgress";
    public const string DeliveryToCancelled = "DeliveryToCancelled";
    public const string DeliveryBeforePledge = "DeliveryBeforePledge";
    public const string DeliveryDateRequired = "DeliveryDateRequired";
    public const string DeliveryAmountWithoutPledge = "DeliveryAmountWithoutPledge";
    public const string RateNotPositive = "RateNotPositive";
    public const string CurrencyInvalid = "CurrencyInvalid";
    public const string YearInvalid = "YearInvalid";
}
