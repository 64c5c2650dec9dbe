using Chancery.Web.Common.Import;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Reference;

/// <summary>Loads the reference data shipped in Reference/Data on start: countries and organisations
/// (as partners), the offices with their tiers, and the real partnership events. Idempotent: it adds
/// what is missing and leaves what users have edited alone.</summary>
public sealed class ReferenceDataSeeder(ChanceryDbContext db, ImportPipeline pipeline, PartnershipImportDefinition partnerships, ErrorWords words,
    ILogger<ReferenceDataSeeder> logger) : IStartupSeeder
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken ct)
    {
        await SeedPartnersAsync(ct);
        await UpdatePartnersAsync(ct);
        await SeedOfficesAsync(ct);
        await SeedPartnershipsAsync(ct);
    }

    private async Task SeedPartnersAsync(CancellationToken ct)
    {
        var existing = (await db.Partners.IgnoreQueryFilters().Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var row in EmbeddedCsv.Rows("countries.csv").Where(r => r["iso3"] != "VNM" && !existing.Contains(r["iso3"])))
        {
            var code = row["iso3"];
            db.Partners.Add(new Partner
            {
                Code = code,
                Kind = PartnerKind.Country,
                Iso2 = row["iso2"],
                NameEn = row["name_en"],
                NameVi = string.IsNullOrWhiteSpace(row["name_vi"]) ? row["name_en"] : row["name_vi"],
                Region = NullIfEmpty(row["region"]),
                Subregion = NullIfEmpty(row["subregion"]),
                HasLandBorder = PartnerFlags.LandBorder.Contains(code),
                HasMaritimeBoundary = PartnerFlags.MaritimeBoundary.Contains(code),
                IsNeighbour = PartnerFlags.Neighbours.Contains(code),
                IsAseanMember = PartnerFlags.AseanMembers.Contains(code),
                IsMajorPower = PartnerFlags.MajorPowers.Contains(code),
                HasSpecialRelationship = PartnerFlags.Special.Contains(code),
            });
            added++;
        }
        foreach (var row in EmbeddedCsv.Rows("organisations.csv").Where(r => !existing.Contains(r["code"])))
        {
            db.Partners.Add(new Partner
            {
                Code = row["code"],
                Kind = PartnerKind.Organisation,
                NameEn = row["name_en"],
                NameVi = row["name_vi"],
                Region = NullIfEmpty(row["region"]),
            });
            added++;
        }
        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Loaded {Count} countries and organisations", added);
        }
    }

    /// <summary>Brings partners stored by earlier releases up to the reference list: a Vietnamese country
    /// name that was never a user's choice (<see cref="ShippedNames"/>) becomes the standard one, and a
    /// region or sub-region typed as words becomes the region list's code (a country's from the list,
    /// by its ISO3; text the list does not know is left for an editor to choose again).</summary>
    private async Task UpdatePartnersAsync(CancellationToken ct)
    {
        var countries = EmbeddedCsv.Rows("countries.csv").ToDictionary(r => r["iso3"]);
        var changed = 0;
        foreach (var p in await db.Partners.IgnoreQueryFilters().ToListAsync(ct))
        {
            var row = p.Kind == PartnerKind.Country ? countries.GetValueOrDefault(p.Code) : null;
            var before = (p.NameVi, p.Region, p.Subregion);
            if (row is not null && !string.IsNullOrWhiteSpace(row["name_vi"]) && ShippedNames.WasShipped(p.Code, p.NameVi, p.NameEn))
                p.NameVi = row["name_vi"];
            if (p.Region is not null && WorldRegions.Find(p.Region) is null)
                p.Region = row is not null ? NullIfEmpty(row["region"]) : WorldRegions.FromLegacyText(p.Region) ?? p.Region;
            if (p.Subregion is not null && WorldRegions.Find(p.Subregion) is null)
                p.Subregion = row is not null ? NullIfEmpty(row["subregion"]) : WorldRegions.FromLegacyText(p.Subregion) ?? p.Subregion;
            if (before != (p.NameVi, p.Region, p.Subregion)) changed++;
        }
        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Brought {Count} partners up to the reference list (names, regions)", changed);
        }
    }

    private async Task SeedOfficesAsync(CancellationToken ct)
    {
        var existing = (await db.Offices.Select(o => o.Code).ToListAsync(ct)).ToHashSet();
        var rows = EmbeddedCsv.Rows("offices.csv").Where(r => !existing.Contains(r["code"])).ToList();
        foreach (var row in rows)
        {
            db.Offices.Add(new Office
            {
                Code = row["code"],
                Tier = int.Parse(row["tier"], System.Globalization.CultureInfo.InvariantCulture),
                Side = row["side"] == "foreign" ? OfficeSide.Foreign : OfficeSide.Domestic,
                NameEn = row["name_en"],
                NameVi = row["name_vi"],
                Aliases = row["aliases"],
            });
        }
        if (rows.Count > 0) await db.SaveChangesAsync(ct);
    }

    /// <summary>The shipped partnership events go through the same import pipeline users use, so the
    /// file is validated like any other and re-running start-up changes nothing.</summary>
    private async Task SeedPartnershipsAsync(CancellationToken ct)
    {
        if (await db.FrameworkEvents.IgnoreQueryFilters().AnyAsync(ct)) return;
        var file = new ImportFile("partnerships.csv", ImportFormat.Csv, EmbeddedCsv.Bytes("partnerships.csv"));
        var outcome = await pipeline.RunAsync(partnerships, file, dryRun: false, ct);
        if (!outcome.Succeeded)
            throw new InvalidOperationException("The shipped partnerships.csv does not import: " +
                string.Join("; ", outcome.Worded(words).Problems.Select(p => $"line {p.Line} {p.Column}: {p.Reason} ({p.Code})")));
        logger.LogInformation("Loaded {Count} partnership events", outcome.Created);
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
