using Chancery.Web.Common.Import;
using Chancery.Web.People;
using Chancery.Web.Reference;

namespace Chancery.Web.Activities;

/// <summary>An import's rule for stored leaders' offices (DOMAIN "no silent changes to people's offices"):
/// a row whose leader did not hold the named office on its date, as recorded, is refused unless its
/// leader_office_change says what to do; <c>extend</c> needs a period of that office to widen (recorded,
/// or added by an earlier row of the file). Keeps, per leader and office, the period the file has made
/// so far, so that the preview shows each change from what it was to what it would become.</summary>
internal sealed class LeaderOfficeChecks
{
    private readonly Dictionary<(int Person, int Office), (DateOnly From, DateOnly? To)> _planned = [];

    public sealed record Outcome(ImportReason? Problem, FieldChange? Change);

    private static readonly Outcome Nothing = new(null, null);

    public Outcome Check(Person leader, Office office, DateOnly day, LeaderOfficeChange? allowed)
    {
        var key = (leader.Id, office.Id);
        var recorded = PeopleDirectory.Nearest(leader, office.Id, null, day, day);
        if (recorded is not null && recorded.Covers(day)) return Nothing;
        if (allowed is null) return new Outcome(new ImportReason("LeaderOfficeNotHeld"), null);

        (DateOnly From, DateOnly? To)? before = _planned.TryGetValue(key, out var planned) ? planned
            : recorded is not null ? (recorded.From, recorded.To) : null;
        if (allowed == LeaderOfficeChange.Extend && before is null) return new Outcome(new ImportReason("LeaderOfficeNothingToExtend"), null);
        if (before is { } b && b.From <= day && (b.To is null || b.To >= day)) return Nothing; // an earlier row of the file already reached it

        var after = before is { } span
            ? (day < span.From ? day : span.From, span.To is { } to && day > to ? day : span.To)
            : (day, (DateOnly?)day);
        _planned[key] = after;
        return new Outcome(null, new FieldChange("leader_office", Describe(leader, office, before), Describe(leader, office, after)));
    }

    /// <summary>"Phạm Minh Chính: prime_minister 2021-04-05 – 2025-12-31" (the code: the preview is in no language).</summary>
    private static string? Describe(Person leader, Office office, (DateOnly From, DateOnly? To)? period) =>
        period is { } p ? $"{leader.FullName}: {office.Code} {IsoDate.Format(p.From)} – {IsoDate.Format(p.To)}" : null;
}
