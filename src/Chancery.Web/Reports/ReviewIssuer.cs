using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Time;
using Chancery.Web.Units;

namespace Chancery.Web.Reports;

/// <summary>Who issues the review and on which day: the heading's left column names the reader's unit
/// under its parent ("BỘ NGOẠI GIAO" over "VĂN PHÒNG BỘ"); the date line is the sector's day. A reader
/// without a unit issues it in the ministry's name (<see cref="Unit"/> and <see cref="Parent"/> null).</summary>
public sealed record ReviewIssuer(string? Parent, string? Unit, DateOnly Date);

public sealed class ReviewIssuers(ICurrentUser reader, UnitQueries units, TimeProvider clock)
{
    /// <summary>Names in the document's language: call it after <see cref="DocumentCulture.Apply"/>.</summary>
    public async Task<ReviewIssuer> ForReaderAsync(CancellationToken ct)
    {
        var unit = reader.UnitId is { } id ? await units.GetAsync(id, ct) : null;
        var parent = unit?.ParentId is { } parentId ? await units.GetAsync(parentId, ct) : null;
        return new ReviewIssuer(Name(parent), Name(unit), clock.Today());
    }

    private static string? Name(UnitItem? unit) => unit is null ? null : LocalizationSetup.IsVietnamese ? unit.NameVi : unit.NameEn;
}
