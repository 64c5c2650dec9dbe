namespace Chancery.Web.Partners;

/// <summary>Marker for the Partners module's words (PartnersText.resx / PartnersText.vi.resx).</summary>
public sealed class PartnersText;
