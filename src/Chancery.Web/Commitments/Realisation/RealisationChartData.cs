using System.Text.Json;
using Chancery.Web.Common.Api;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Commitments.Realisation;

/// <summary>What the realisation page's charts draw (wwwroot/js/realisation-charts.js): pledged against
/// realised USD by partner (the largest pledges), by sector and over the years, computed on the server from
/// what the reader may see and handed over as JSON with every label translated.</summary>
public static class RealisationChartData
{
    public sealed record Series(IReadOnlyList<string> Labels, IReadOnlyList<decimal> Pledged, IReadOnlyList<decimal> Realised);
    public sealed record Charts(Series ByPartner, Series BySector, Series ByYear, string PledgedLabel, string RealisedLabel);

    /// <summary>Partners shown on the chart: the largest pledges (the table lists them all).</summary>
    public const int TopPartners = 12;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(Charts charts) => JsonSerializer.Serialize(charts, Json); // the default encoder escapes '<'

    public static Charts Build(List<RealisationInput> inputs, IReadOnlyDictionary<(int, string), decimal> rates,
        IReadOnlyDictionary<string, string> partnerNames, IStringLocalizer<CommitmentsText> text)
    {
        Series Of(RealisationGrouping by, Func<RealisationGroup, string> label, Func<IEnumerable<RealisationGroup>, IEnumerable<RealisationGroup>> pick)
        {
            var groups = pick(RealisationCalculator.Compute(inputs, rates, by).Report.Groups.Where(g => g.PledgedUsd > 0)).ToList();
            return new Series(groups.Select(label).ToList(), groups.Select(g => g.PledgedUsd).ToList(), groups.Select(g => g.RealisedUsd).ToList());
        }
        return new Charts(
            Of(RealisationGrouping.Partner, g => partnerNames.GetValueOrDefault(g.Key ?? "", g.Key ?? ""),
                gs => gs.OrderByDescending(g => g.PledgedUsd).Take(TopPartners)),
            Of(RealisationGrouping.Sector, g => text["Sector_" + g.Key], gs => gs.OrderByDescending(g => g.PledgedUsd)),
            Of(RealisationGrouping.Year, g => g.Key ?? "", gs => gs),
            text["PledgedUsd"], text["RealisedUsd"]);
    }

    public static string Label(RealisationGrouping by, string? key, IReadOnlyDictionary<string, string> partnerNames,
        IReadOnlyDictionary<string, string> unitNames, IStringLocalizer<CommitmentsText> text) => by switch
    {
        RealisationGrouping.Partner => partnerNames.GetValueOrDefault(key ?? "", key ?? ""),
        RealisationGrouping.Sector => text["Sector_" + key],
        RealisationGrouping.Unit => key is null ? text["NoKey"] : unitNames.GetValueOrDefault(key, key),
        _ => key ?? "",
    };

    public static string Code(RealisationGrouping by) => Codes<RealisationGrouping>.ToCode(by);
}
