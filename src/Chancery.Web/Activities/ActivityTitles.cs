using Chancery.Web.Common.Localization;

namespace Chancery.Web.Activities;

/// <summary>A title as shown: its text and, when it is not in the reader's language, that language
/// (for a <c>lang</c> attribute, so a screen reader and the browser know).</summary>
public sealed record ShownTitle(string Text, string? Lang);

/// <summary>The one rule for which title an activity shows: the reader's language when the activity
/// has one; otherwise the other, marked with its language. Vietnamese is the record's own language
/// (<see cref="Activity.Title"/>); the English title (<see cref="Activity.TitleEn"/>) is optional.</summary>
public static class ActivityTitles
{
    public static ShownTitle? Shown(string? title, string? titleEn) => Shown(title, titleEn, LocalizationSetup.IsVietnamese);

    public static ShownTitle? Shown(string? title, string? titleEn, bool vietnamese)
    {
        var vi = string.IsNullOrWhiteSpace(title) ? null : title;
        var en = string.IsNullOrWhiteSpace(titleEn) ? null : titleEn;
        if (vietnamese) return vi is not null ? new(vi, null) : en is not null ? new(en, "en") : null;
        return en is not null ? new(en, null) : vi is not null ? new(vi, "vi") : null;
    }

    /// <summary>The text only, or <paramref name="fallback"/> when the activity has no title at all.</summary>
    public static string Text(string? title, string? titleEn, string fallback) => Shown(title, titleEn)?.Text ?? fallback;
}
