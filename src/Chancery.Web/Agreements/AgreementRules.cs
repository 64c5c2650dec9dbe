using Chancery.Web.Activities;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Agreements;

/// <summary>The rules of an agreement that need no database, for the writer and the import alike
/// (field names as the API's JSON names them; the import maps them to its columns).</summary>
public static class AgreementRules
{
    public static void Check(string? titleVi, string? titleEn, AgreementStatus status, DateOnly? signed, DateOnly? entryIntoForce,
        DateOnly? expiry, IEnumerable<string> themes, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(titleVi) && string.IsNullOrWhiteSpace(titleEn)) problems.Add("titleVi", AgreementErrors.TitleRequired);
        // Only an agreement still under negotiation has no signature date, and it has none.
        if (status == AgreementStatus.Negotiating && signed is not null) problems.Add("signedDate", AgreementErrors.NegotiatingNotSigned);
        if (status != AgreementStatus.Negotiating && signed is null) problems.Add("signedDate", AgreementErrors.SignedDateRequired);
        if (entryIntoForce is { } force && signed is { } s && force < s) problems.Add("entryIntoForce", AgreementErrors.ForceBeforeSignature);
        if (expiry is { } end && (entryIntoForce ?? signed) is { } start && end < start) problems.Add("expiryDate", AgreementErrors.ExpiryBeforeStart);
        foreach (var theme in themes)
            if (!ActivityThemes.All.Contains(theme.Trim().ToLowerInvariant())) problems.Add("themes", AgreementErrors.UnknownTheme, theme);
    }

    /// <summary>Theme codes wrapped in ';' so a filter can match ';code;' (as an activity's).</summary>
    public static string JoinThemes(IEnumerable<string> themes) => Activity.JoinThemes(themes);
}
