namespace Chancery.Web.Activities;

/// <summary>The extension point of the activity page: other modules add sections to it through
/// <c>IChanceryModule.Sections</c> (the agreements signed during the activity); each section receives
/// the activity's id as <see cref="IdParameter"/>.</summary>
public static class ActivityPageSections
{
    public const string Name = "activity";
    public const string IdParameter = "ActivityId";
}
