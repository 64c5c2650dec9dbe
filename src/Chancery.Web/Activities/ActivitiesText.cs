namespace Chancery.Web.Activities;

/// <summary>Marker for the Activities module's words (ActivitiesText.resx / ActivitiesText.vi.resx).</summary>
public sealed class ActivitiesText;
