using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;

namespace Chancery.Web.Common.Import;

/// <summary>Whether a stored record that holds a row's key is out of the row's reach. Imports look keys up
/// past the query filters (a key must stay unique whoever holds it), so a match may be a record above the
/// importer's clearance or one in the bin. Neither may be changed by a file: the first is not the importer's
/// to see, the second comes back only through the bin's restore (audited as such), never revived by a
/// re-import. Both are refused with <see cref="ImportReasons.Unavailable"/>, so the words never tell which.</summary>
public static class StoredKey
{
    public static bool IsOutOfReach(IClassified? stored, ClassificationLevel clearance) =>
        stored is not null && (stored.Classification > clearance || stored is ISoftDeletable { DeletedAt: not null });
}
