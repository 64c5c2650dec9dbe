namespace Chancery.Web.Agreements;

/// <summary>How an agreement's status follows from its treaty actions, and which actions make sense.
///
/// The rule: with no action recorded, the status is the one typed or imported. With actions, they are
/// read in date order (on one day, in the order of <see cref="TreatyActionKind"/>: a signature before the
/// entry into force it allows), starting from <c>negotiating</c>:
/// - a signature, or an instrument of consent (ratification, acceptance, approval, accession), makes it
///   <c>signed</c> (concluded, not yet binding);
/// - the entry into force makes it <c>in_force</c>;
/// - a registration with the UN Secretariat changes nothing;
/// - withdrawing an instrument of ratification (before the entry into force) changes nothing: the
///   treaty stays signed, only that consent is gone;
/// - a withdrawal from the treaty (denunciation, once in force) or its termination makes it
///   <c>terminated</c>, and nothing after that changes it.
/// <c>expired</c> is the expiry date's business: once the sector's day is past the expiry date, a signed
/// or in-force agreement is shown as expired (<see cref="Shown"/>), whatever was recorded.</summary>
public static class AgreementStatusRule
{
    public sealed record Step(TreatyActionKind Kind, DateOnly Date, int? PartnerId = null);

    private static readonly TreatyActionKind[] Consent =
        [TreatyActionKind.Ratification, TreatyActionKind.Acceptance, TreatyActionKind.Approval, TreatyActionKind.Accession];

    public static bool IsConsent(this TreatyActionKind kind) => Consent.Contains(kind);

    private static bool Ends(TreatyActionKind kind) => kind is TreatyActionKind.Withdrawal or TreatyActionKind.Termination;

    /// <summary>The status the actions give; <paramref name="recorded"/> when there are none.</summary>
    public static AgreementStatus Derive(IEnumerable<Step> actions, AgreementStatus recorded)
    {
        var ordered = InOrder(actions);
        if (ordered.Count == 0) return recorded;
        var status = AgreementStatus.Negotiating;
        foreach (var step in ordered)
        {
            if (status == AgreementStatus.Terminated) break;
            status = step.Kind switch
            {
                TreatyActionKind.Signature or TreatyActionKind.Ratification or TreatyActionKind.Acceptance
                    or TreatyActionKind.Approval or TreatyActionKind.Accession => status == AgreementStatus.InForce ? status : AgreementStatus.Signed,
                TreatyActionKind.EntryIntoForce => AgreementStatus.InForce,
                TreatyActionKind.Withdrawal or TreatyActionKind.Termination => AgreementStatus.Terminated,
                _ => status,
            };
        }
        return status;
    }

    /// <summary>The status a reader sees on <paramref name="today"/> (the sector's day): a signed or in-force
    /// agreement whose expiry date has passed is expired (it was in force on its expiry day itself);
    /// negotiating and terminated stay what they are.</summary>
    public static AgreementStatus Shown(AgreementStatus status, DateOnly? expiry, DateOnly today) =>
        status is AgreementStatus.Signed or AgreementStatus.InForce && expiry is { } last && last < today ? AgreementStatus.Expired : status;

    /// <summary>Why <paramref name="next"/> cannot be added to <paramref name="existing"/> (a problem code of
    /// <see cref="AgreementErrors"/>), or null when it can.</summary>
    public static string? Refusal(IReadOnlyList<Step> existing, Step next)
    {
        if (existing.FirstOrDefault(s => Ends(s.Kind) && s.Date < next.Date) is not null) return AgreementErrors.ActionAfterEnd;
        var before = existing.Where(s => s.Date <= next.Date).ToList();
        bool InForceBy(DateOnly date) => existing.Any(s => s.Kind == TreatyActionKind.EntryIntoForce && s.Date <= date);
        switch (next.Kind)
        {
            case TreatyActionKind.EntryIntoForce when !before.Any(s => s.Kind == TreatyActionKind.Signature || s.Kind.IsConsent()):
                return AgreementErrors.ForceWithoutSignature;
            case TreatyActionKind.WithdrawalOfRatification:
                // Taking back a consent is possible only while the treaty does not yet bind: once it is in force,
                // a party leaves it by withdrawal (denunciation).
                if (InForceBy(next.Date)) return AgreementErrors.RatificationWithdrawnAfterForce;
                var given = before.Count(s => s.Kind.IsConsent() && s.PartnerId == next.PartnerId);
                var taken = before.Count(s => s.Kind == TreatyActionKind.WithdrawalOfRatification && s.PartnerId == next.PartnerId);
                return given > taken ? null : AgreementErrors.NoRatificationToWithdraw;
            case TreatyActionKind.Withdrawal when !InForceBy(next.Date):
                return AgreementErrors.WithdrawalBeforeForce;
            default:
                return null;
        }
    }

    /// <summary>By date, then in the order of the kinds (a signature before an entry into force on the same day).</summary>
    public static List<Step> InOrder(IEnumerable<Step> actions) => actions.OrderBy(s => s.Date).ThenBy(s => s.Kind).ToList();
}
