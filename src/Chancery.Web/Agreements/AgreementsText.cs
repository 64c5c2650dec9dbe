namespace Chancery.Web.Agreements;

/// <summary>Marker for the Agreements module's words (AgreementsText.resx / AgreementsText.vi.resx).</summary>
public sealed class AgreementsText;
