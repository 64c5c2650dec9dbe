namespace Chancery.Web.Common.Classification;

/// <summary>The levels of records made from or about other records (docs/security.md, "Derived records").
/// Two rules, one per kind of derived record:
/// <list type="bullet">
/// <item><b>Facts drawn from a record</b> (an office period holding a trip's dates, a leg, a delivery, an
/// audit entry) carry the highest level of what they came from: <see cref="Highest"/>.</item>
/// <item><b>A thing named by records</b> (a person) is known at the lowest level of the records that name
/// it: created at the level of the record that first names it, and lowered (<see cref="Disclose"/>) when a
/// less classified record names it, since whoever reads that record reads the name on it anyway. It is
/// never raised by a record: what a record at a lower level told cannot be untold.</item>
/// </list>
/// Parts without a level of their own (legs, deliveries, treaty actions) are filed in the audit trail at
/// their parent's level by <see cref="Audit.AuditEntryFactory"/>, found from the model's foreign keys.</summary>
public static class DerivedClassification
{
    public static ClassificationLevel Highest(ClassificationLevel a, ClassificationLevel b) => a > b ? a : b;

    public static ClassificationLevel Lowest(ClassificationLevel a, ClassificationLevel b) => a < b ? a : b;

    /// <summary>A record at <paramref name="level"/> names <paramref name="named"/>: it is known at that
    /// level from now on. True when its level went down.</summary>
    public static bool Disclose(IClassified named, ClassificationLevel level)
    {
        if (level >= named.Classification) return false;
        named.Classification = level;
        return true;
    }
}
