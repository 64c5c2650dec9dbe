using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;

namespace Chancery.Web.Partners;

/// <summary>The establishment or upgrade of a relationship framework with a partner, dated to the
/// precision the sources allow. A partner's current level is its latest event.</summary>
public sealed class FrameworkEvent : IClassified, IVersioned, ISoftDeletable
{
    public int Id { get; set; }
    public int PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public RelationLevel Level { get; set; }
    /// <summary>First day of the (possibly partial) date.</summary>
    public DateOnly Date { get; set; }
    public DatePrecision Precision { get; set; }
    /// <summary>Latest day the event may have happened: what "as of" questions compare against.</summary>
    public DateOnly EffectiveBy { get; set; }
    public string? PreviousLevel { get; set; }
    /// <summary>The officially styled name, e.g. "comprehensive strategic cooperative partnership".</summary>
    public string? OfficialName { get; set; }
    /// <summary>The document or visit that announced it.</summary>
    public string? AnnouncedBy { get; set; }
    public string? Source { get; set; }
    public string? Notes { get; set; }
    public ClassificationLevel Classification { get; set; } = ClassificationLevel.Public;
    public int Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }

    public PartialDate When
    {
        get => new(Date, Precision);
        set
        {
            Date = value.FirstDay;
            Precision = value.Precision;
            EffectiveBy = value.LastDay;
        }
    }
}
