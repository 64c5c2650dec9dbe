namespace Chancery.Web.Common.Time;

/// <summary>The sector's calendar day. "Today", deadlines and "as of" dates are Vietnam's days
/// (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), whatever time zone the server runs in, and every
/// "today" comes from the registered <see cref="TimeProvider"/>, so a test can set the clock.</summary>
public static class SectorDay
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly Today(this TimeProvider clock) => On(clock.GetUtcNow());

    /// <summary>The sector's day of an instant (00:30 in Hanoi is already the next day).</summary>
    public static DateOnly On(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without the time-zone database: Vietnam has kept UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
        }
    }
}
