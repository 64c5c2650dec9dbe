namespace Chancery.Web.Agreements;

/// <summary>One dated step in an agreement's life, in the UN Treaty Collection's terms (signature,
/// ratification, entry into force, registration, withdrawal …), with its source. The agreement's status
/// follows from its actions (<see cref="AgreementStatusRule"/>). An action carries no level of its own:
/// it is read through its agreement.</summary>
public sealed class TreatyAction
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public TreatyActionKind Kind { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The party that acted (a partner); null for our own side.</summary>
    public int? PartnerId { get; set; }
    /// <summary>The registration number given by the UN Secretariat (registration only).</summary>
    public string? Number { get; set; }
    public string? Source { get; set; }
    public string? Notes { get; set; }
}

/// <summary>The actions of the UN Treaty Collection's glossary that the register records.
/// <see cref="WithdrawalOfRatification"/> takes back an instrument of consent before the treaty binds
/// (the treaty goes on, unratified); <see cref="Withdrawal"/> leaves a treaty in force (denunciation);
/// <see cref="Termination"/> ends the treaty for all its parties.</summary>
public enum TreatyActionKind
{
    Signature = 1,
    Ratification,
    Acceptance,
    Approval,
    Accession,
    EntryIntoForce,
    Registration,
    WithdrawalOfRatification,
    Withdrawal,
    Termination,
}
