namespace Chancery.Web.Agreements;

/// <summary>The Agreements module's own problem codes; their words are in AgreementsText.resx (English)
/// and AgreementsText.vi.resx. Generic problems use the kernel's <c>ErrorCodes</c>. Prefixed, as every
/// module's codes share one lookup.</summary>
public static class AgreementErrors
{
    /// <summary>Neither the Vietnamese nor the English title is given.</summary>
    public const string TitleRequired = "AgreementTitleRequired";
    /// <summary>No signature date while the status says it was signed.</summary>
    public const string SignedDateRequired = "AgreementSignedDateRequired";
    /// <summary>A signature date on an agreement still being negotiated.</summary>
    public const string NegotiatingNotSigned = "AgreementNegotiatingNotSigned";
    /// <summary>No party named.</summary>
    public const string PartiesRequired = "AgreementPartiesRequired";
    /// <summary>{0}: the partner code as written.</summary>
    public const string UnknownPartner = "AgreementUnknownPartner";
    /// <summary>{0}: the partner code named twice.</summary>
    public const string PartyTwice = "AgreementPartyTwice";
    public const string UnknownActivity = "AgreementUnknownActivity";
    public const string UnknownUnit = "AgreementUnknownUnit";
    /// <summary>{0}: the theme as written.</summary>
    public const string UnknownTheme = "AgreementUnknownTheme";
    public const string ReferenceTaken = "AgreementReferenceTaken";
    /// <summary>Entry into force before signature.</summary>
    public const string ForceBeforeSignature = "AgreementForceBeforeSignature";
    /// <summary>Expiry before entry into force (or signature).</summary>
    public const string ExpiryBeforeStart = "AgreementExpiryBeforeStart";
}
