namespace Chancery.Web.Home;

/// <summary>Marker for the home page's words (HomeText.resx / HomeText.vi.resx).</summary>
public sealed class HomeText;
