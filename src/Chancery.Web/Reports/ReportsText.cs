namespace Chancery.Web.Reports;

/// <summary>Marker for the Reports module's words (ReportsText.resx / ReportsText.vi.resx).</summary>
public sealed class ReportsText;
