using Chancery.Web.Common.Api;
namespace Chancery.Web.Activities;

/// <summary>The Activities module's own problem codes; their words are in ActivitiesText.resx (English)
/// and ActivitiesText.vi.resx. Generic problems use the kernel's <c>ErrorCodes</c>.</summary>
public static class ActivityErrors
{
    /// <summary>The start date is missing.</summary>
    public const string DateStartRequired = "DateStartRequired";
    /// <summary>{0}: the code as written.</summary>
    public const string UnknownCountry = "UnknownCountry";
    /// <summary>{0}: the office as written.</summary>
    public const string UnknownOffice = "UnknownOffice";
    /// <summary>{0}: the theme as written.</summary>
    public const string UnknownTheme = "UnknownTheme";
    public const string UnknownPerson = "UnknownPerson";
    public const string UnknownActivity = "UnknownActivity";
    public const string ReferenceTaken = "ReferenceTaken";
    public const string LegStartsOutsideTrip = "LegStartsOutsideTrip";
    public const string LegEndsOutsideTrip = "LegEndsOutsideTrip";
    public const string LegEndsBeforeStart = "LegEndsBeforeStart";
    public const string LegsOutOfOrder = "LegsOutOfOrder";
    /// <summary>{0}: the name of the activity's leader or counterpart, who is in the bin (a restore waits for them).</summary>
    public const string PersonInBin = "ActivityPersonInBin";
    /// <summary>{0}: how many activities the reader can see name the person being deleted.</summary>
    public const string PersonNamedInActivities = "PersonNamedInActivities";
    /// <summary>The person being deleted is named only in activities the reader may not see.</summary>
    public const string PersonNamedInHiddenActivities = "PersonNamedInHiddenActivities";

    /// <summary>The kind decides the direction: one code per direction, so each language words it whole.</summary>
    public static string KindNeedsDirection(ActivityDirection direction) => "KindNeedsDirection_" + Codes<ActivityDirection>.ToCode(direction);
}
