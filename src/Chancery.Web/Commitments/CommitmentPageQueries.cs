using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments;

/// <summary>What the module's pages need besides commitments: partners' and units' names for choices and labels.</summary>
public sealed class CommitmentPageQueries(ChanceryDbContext db)
{
    /// <summary>Partners the reader may see, code → name in the reader's language, sorted by name.</summary>
    public async Task<Dictionary<string, string>> PartnerNamesAsync(CancellationToken ct)
    {
        var vietnamese = LocalizationSetup.IsVietnamese;
        var rows = await db.Partners.AsNoTracking().Select(p => new { p.Code, p.NameVi, p.NameEn }).ToListAsync(ct);
        var byName = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        return rows.Select(r => (r.Code, Name: vietnamese ? r.NameVi : r.NameEn)).OrderBy(r => r.Name, byName)
            .ToDictionary(r => r.Code, r => r.Name);
    }

    public Task<List<Units.Unit>> UnitsAsync(CancellationToken ct) =>
        db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(ct);
}
