using System.Linq.Expressions;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Search;
using Chancery.Web.Reference;

namespace Chancery.Web.People;

/// <summary>A leader on our side or a foreign counterpart. Classified at the lowest level of the records
/// that name them (<see cref="DerivedClassification"/>): a person an import or an activity form creates
/// takes the activity's level, so a person named only in secret activities is secret; a less classified
/// record that names them later discloses them at its level (the person is then visible to whoever may
/// read that record, who reads the name on it anyway). Their office periods carry levels of their own.</summary>
public sealed class Person : IClassified, IVersioned, ISearchable, ISoftDeletable
{
    public int Id { get; set; }
    /// <summary>The name as Vietnamese texts write it (Tập Cận Bình, Phạm Minh Chính).</summary>
    public required string FullName { get; set; }
    /// <summary>The name as English texts write it, when it differs (Xi Jinping); null when the same.</summary>
    public string? NameEn { get; set; }
    /// <summary>The folded full name, the key an import finds a person by (with the side).</summary>
    public string NameKey { get; set; } = "";
    public OfficeSide Side { get; set; }
    /// <summary>ISO 3166-1 alpha-3 of a foreign person's country (null for ours or when unknown).</summary>
    public string? CountryIso3 { get; set; }
    public List<PersonOffice> Offices { get; set; } = [];
    public string? Notes { get; set; }
    public ClassificationLevel Classification { get; set; } = ClassificationLevel.Public;
    public int Version { get; set; }
    public string SearchText { get; set; } = "";
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }

    public string BuildSearchText() => TextFolding.FoldAll(FullName, NameEn, CountryIso3);

    /// <summary>Tier on a day: the best (lowest) tier among the ranked offices held that day; null when none.</summary>
    public int? TierOn(DateOnly day) => Offices
        .Where(o => o.Office is not null && o.Covers(day))
        .Select(o => (int?)o.Office!.Tier).Min();

    /// <summary>The office held on a day: the best-ranked one, else a free-text title held then; null
    /// when none was held (needs <see cref="Offices"/> with their <see cref="PersonOffice.Office"/>).</summary>
    public PersonOffice? OfficeOn(DateOnly day) =>
        Offices.Where(o => o.Covers(day)).OrderBy(o => o.Office?.Tier ?? int.MaxValue).FirstOrDefault();
}

/// <summary>An office held for a period. Either a ranked office from the reference list, or a free-text
/// title (OfficeId null) that carries no rank and so never makes an activity high-level. Classified at the
/// highest level of the records its dates came from (a period an import draws from a secret trip holds the
/// trip's dates, so it is secret); the filter hides it like any classified record, so ranks, reports and
/// pickers only see the periods the reader may.</summary>
public sealed class PersonOffice : IClassified
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int? OfficeId { get; set; }
    public Office? Office { get; set; }
    public string? Title { get; set; }
    public DateOnly From { get; set; }
    /// <summary>Last day held; null while still held.</summary>
    public DateOnly? To { get; set; }
    public ClassificationLevel Classification { get; set; } = ClassificationLevel.Public;

    /// <summary>The one rule for "held on that day" (from its first day to its last, open while held), as
    /// an expression the database runs (<see cref="HeldOn"/>, <see cref="OfficeHeldQueries.WhereHeldOn"/>)
    /// and, compiled, in memory (<see cref="Covers"/>).</summary>
    public static readonly Expression<Func<PersonOffice, DateOnly, bool>> HeldOnDay =
        (o, day) => o.From <= day && (o.To == null || o.To >= day);

    private static readonly Func<PersonOffice, DateOnly, bool> HeldOnDayCompiled = HeldOnDay.Compile();

    /// <summary>Office periods held on <paramref name="day"/>, for a query.</summary>
    public static Expression<Func<PersonOffice, bool>> HeldOn(DateOnly day) => OfficeHeldQueries.HeldOn(day);

    public bool Covers(DateOnly day) => HeldOnDayCompiled(this, day);
}
