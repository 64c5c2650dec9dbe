using System.Text.Json.Serialization;

namespace Chancery.Web.Commitments.Realisation;

public enum RealisationGrouping { Partner = 1, Sector, Year, Unit }

/// <summary>Count units summed apart: what was pledged and what was delivered, in the unit.</summary>
public sealed record CountFigure(string Unit, decimal Pledged, decimal Delivered);

/// <summary>The figures of the whole period or of one group (DOMAIN's answer shape).</summary>
public sealed record RealisationFigures(
    int Commitments, decimal PledgedUsd, decimal RealisedUsd, decimal OverDeliveredUsd, decimal? Share, IReadOnlyList<CountFigure> Counts);

/// <summary>One group: <c>key</c> is the partner's code, the sector's code, the year or the owner unit's
/// code (null for commitments without an owner unit), then the same fields as the total.</summary>
public sealed record RealisationGroup(
    string? Key, int Commitments, decimal PledgedUsd, decimal RealisedUsd, decimal OverDeliveredUsd, decimal? Share, IReadOnlyList<CountFigure> Counts)
{
    public static RealisationGroup Of(string? key, RealisationFigures f) =>
        new(key, f.Commitments, f.PledgedUsd, f.RealisedUsd, f.OverDeliveredUsd, f.Share, f.Counts);

    [JsonIgnore] public RealisationFigures Figures => new(Commitments, PledgedUsd, RealisedUsd, OverDeliveredUsd, Share, Counts);
}

/// <summary>A money commitment whose currency has no rate for its pledge's year: counted, listed, never summed.</summary>
public sealed record UnconvertedCommitment(int Id, string Ref, string Unit, int Year);

/// <summary>GET /api/v1/reports/realisation: <c>{"total", "groups", "unconverted"}</c>.</summary>
public sealed record RealisationReport(RealisationFigures Total, IReadOnlyList<RealisationGroup> Groups, IReadOnlyList<UnconvertedCommitment> Unconverted);
