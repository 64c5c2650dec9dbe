namespace Chancery.Web.Calendar;

/// <summary>Marker for the Calendar module's words (CalendarText.resx / CalendarText.vi.resx).</summary>
public sealed class CalendarText;
