namespace Chancery.Web.Directives;

/// <summary>Marker for the Directives module's words (DirectivesText.resx / DirectivesText.vi.resx), error codes included.</summary>
public sealed class DirectivesText;
