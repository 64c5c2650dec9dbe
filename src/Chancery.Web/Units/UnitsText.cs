namespace Chancery.Web.Units;

/// <summary>Marker for the Units module's words (UnitsText.resx / UnitsText.vi.resx).</summary>
public sealed class UnitsText;
