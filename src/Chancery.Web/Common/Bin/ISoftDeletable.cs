namespace Chancery.Web.Common.Bin;

/// <summary>A record that goes to the bin when deleted instead of leaving the database: while
/// <see cref="DeletedAt"/> is set, the context's "deleted" query filter hides it from every read (lists,
/// pages, search, calendar, exports, reports, pickers), beside the classification filter; an administrator
/// restores it from the bin (<see cref="IBinSource"/>). The key is a whole number, as the bin's addresses name it.</summary>
public interface ISoftDeletable
{
    int Id { get; }

    /// <summary>When it went to the bin (UTC); null while it is in use.</summary>
    DateTime? DeletedAt { get; set; }

    /// <summary>The user name of who deleted it, as the audit trail names users.</summary>
    string? DeletedBy { get; set; }
}
