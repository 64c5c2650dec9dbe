using Chancery.Web.Agreements;
using static Chancery.Web.Agreements.TreatyActionKind;

namespace Chancery.Tests.Agreements;

/// <summary>The status an agreement's treaty actions give, and the actions refused, worked out by hand
/// from the rule written on <see cref="AgreementStatusRule"/>.</summary>
public sealed class AgreementStatusRuleTests
{
    private static AgreementStatusRule.Step S(TreatyActionKind kind, string date, int? party = null) => new(kind, DateOnly.Parse(date), party);

    [Fact]
    public void Without_actions_the_recorded_status_stands() =>
        AgreementStatusRule.Derive([], AgreementStatus.Expired).ShouldBe(AgreementStatus.Expired);

    [Fact]
    public void Signed_then_ratified_is_signed_until_it_enters_into_force_and_registration_changes_nothing()
    {
        AgreementStatusRule.Derive([S(Signature, "2023-09-10")], AgreementStatus.Negotiating).ShouldBe(AgreementStatus.Signed);
        AgreementStatusRule.Derive([S(Signature, "2023-09-10"), S(Ratification, "2024-01-05")], AgreementStatus.Negotiating)
            .ShouldBe(AgreementStatus.Signed);
        // Given out of order: read by date.
        AgreementStatusRule.Derive([S(Registration, "2024-06-01"), S(EntryIntoForce, "2024-02-01"), S(Ratification, "2024-01-05"), S(Signature, "2023-09-10")],
            AgreementStatus.Negotiating).ShouldBe(AgreementStatus.InForce);
    }

    [Fact]
    public void Signed_and_in_force_on_the_same_day_is_in_force() =>
        AgreementStatusRule.Derive([S(EntryIntoForce, "2023-09-10"), S(Signature, "2023-09-10")], AgreementStatus.Signed).ShouldBe(AgreementStatus.InForce);

    [Fact]
    public void Withdrawing_a_ratification_leaves_the_treaty_signed_while_withdrawing_from_it_terminates_it()
    {
        AgreementStatusRule.Derive([S(Signature, "2020-01-01"), S(Ratification, "2020-06-01"), S(WithdrawalOfRatification, "2020-09-01")],
            AgreementStatus.Signed).ShouldBe(AgreementStatus.Signed);
        AgreementStatusRule.Derive([S(Signature, "2020-01-01"), S(EntryIntoForce, "2020-06-01"), S(Withdrawal, "2022-09-01")],
            AgreementStatus.Signed).ShouldBe(AgreementStatus.Terminated);
    }

    [Fact]
    public void Nothing_after_a_termination_revives_the_agreement() =>
        AgreementStatusRule.Derive([S(Signature, "2010-01-01"), S(EntryIntoForce, "2010-02-01"), S(Termination, "2015-01-01"), S(EntryIntoForce, "2016-01-01")],
            AgreementStatus.Signed).ShouldBe(AgreementStatus.Terminated);

    [Fact]
    public void A_ratification_cannot_be_withdrawn_once_the_treaty_is_in_force_nor_without_one_and_a_withdrawal_needs_it_in_force()
    {
        List<AgreementStatusRule.Step> inForce = [S(Signature, "2020-01-01"), S(Ratification, "2020-03-01"), S(EntryIntoForce, "2020-06-01")];
        AgreementStatusRule.Refusal(inForce, S(WithdrawalOfRatification, "2021-01-01")).ShouldBe(AgreementErrors.RatificationWithdrawnAfterForce);
        AgreementStatusRule.Refusal(inForce, S(Withdrawal, "2021-01-01")).ShouldBeNull();
        // Before the entry into force, the other way round.
        AgreementStatusRule.Refusal(inForce, S(WithdrawalOfRatification, "2020-04-01")).ShouldBeNull();
        AgreementStatusRule.Refusal(inForce, S(Withdrawal, "2020-04-01")).ShouldBe(AgreementErrors.WithdrawalBeforeForce);
        // Only the party that ratified can withdraw its ratification, and only once.
        AgreementStatusRule.Refusal(inForce, S(WithdrawalOfRatification, "2020-04-01", party: 7)).ShouldBe(AgreementErrors.NoRatificationToWithdraw);
        AgreementStatusRule.Refusal([S(Signature, "2020-01-01"), S(Ratification, "2020-03-01"), S(WithdrawalOfRatification, "2020-04-01")],
            S(WithdrawalOfRatification, "2020-05-01")).ShouldBe(AgreementErrors.NoRatificationToWithdraw);
    }

    [Fact]
    public void Entry_into_force_needs_a_signature_or_consent_and_nothing_follows_the_end()
    {
        AgreementStatusRule.Refusal([], S(EntryIntoForce, "2020-01-01")).ShouldBe(AgreementErrors.ForceWithoutSignature);
        AgreementStatusRule.Refusal([S(Accession, "2019-12-01")], S(EntryIntoForce, "2020-01-01")).ShouldBeNull();
        AgreementStatusRule.Refusal([S(Signature, "2019-01-01"), S(EntryIntoForce, "2019-02-01"), S(Termination, "2020-01-01")], S(Registration, "2020-02-01"))
            .ShouldBe(AgreementErrors.ActionAfterEnd);
    }
}
