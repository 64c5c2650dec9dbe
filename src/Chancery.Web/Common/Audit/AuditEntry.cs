using Chancery.Web.Common.Classification;

namespace Chancery.Web.Common.Audit;

/// <summary>One create, update or delete of one record: who, when, which record, and the values
/// before and after (as JSON: { "Property": { "before": …, "after": … } }).</summary>
public sealed class AuditEntry : IClassified
{
    public long Id { get; set; }
    /// <summary>UTC. (SQLite cannot order DateTimeOffset values, so the trail uses a UTC DateTime.)</summary>
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public required string Changes { get; set; }
    /// <summary>The audited record's level (the higher of before and after): the trail shows values,
    /// so it is filtered like the record itself.</summary>
    public ClassificationLevel Classification { get; set; }
    /// <summary>The entry's place in the hash chain (1, 2, 3 …), given by the sealer (<see cref="AuditChain"/>)
    /// once the entry is committed; null until then. Not the id: ids are taken when a transaction writes,
    /// and transactions commit in another order.</summary>
    public long? ChainIndex { get; set; }
    /// <summary>SHA-256 (hex) of the entry's canonical form and the previous entry's hash
    /// (<see cref="AuditChain.HashOf"/>): changing or removing a sealed entry breaks every link after it.</summary>
    public string? Hash { get; set; }
}

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
    /// <summary>Taken out of the bin (a delete of a record that can go to the bin is written as Deleted).</summary>
    Restored = 4,
    /// <summary>A file of the record was read (a document downloaded): recorded by the module that serves it (<see cref="AuditEvents"/>).</summary>
    Downloaded = 5,
    /// <summary>Someone signed in (page or API): the account, its email and the client's address.</summary>
    SignedIn = 6,
    /// <summary>A sign-in was refused: the name tried (whether or not an account has it) and the address.</summary>
    SignInFailed = 7,
    SignedOut = 8,
    PasswordChanged = 9,
    /// <summary>A list or report left the system as a file: which one, with which filters, how many rows.</summary>
    Exported = 10,
    /// <summary>A calendar feed was read with its token.</summary>
    FeedRead = 11,
    /// <summary>An account set up its authenticator app (two-factor sign-in).</summary>
    AuthenticatorEnrolled = 12,
    /// <summary>An administrator reset an account's authenticator (a lost phone): it must be set up again.</summary>
    AuthenticatorReset = 13,
    /// <summary>An administrator issued a one-time enrolment code for an account that must set up an
    /// authenticator (why and until when; never the code).</summary>
    EnrolmentCodeIssued = 14,
}
