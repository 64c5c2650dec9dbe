using Chancery.Web.Common.Modules;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Units;

/// <summary>The starting organisation tree: the Ministry, its main departments, a few missions,
/// partner ministries and the border provinces. Administrators extend it from the Units page.</summary>
public sealed class UnitSeeder(ChanceryDbContext db) : IStartupSeeder
{
    private static readonly (string Code, string Parent, UnitKind Kind, string Vi, string En, string? Country)[] Seed =
    [
        ("MOFA", "", UnitKind.Ministry, "Bộ Ngoại giao", "Ministry of Foreign Affairs", null),
        ("MOFA-SEC", "MOFA", UnitKind.Department, "Văn phòng Bộ", "Ministry Secretariat", null),
        ("MOFA-ASIA1", "MOFA", UnitKind.Department, "Vụ Đông Bắc Á", "Department of Northeast Asia", null),
        ("MOFA-ASIA2", "MOFA", UnitKind.Department, "Vụ Đông Nam Á - Nam Á - Nam Thái Bình Dương", "Department of Southeast Asia, South Asia and South Pacific", null),
        ("MOFA-AMER", "MOFA", UnitKind.Department, "Vụ châu Mỹ", "Department of the Americas", null),
        ("MOFA-EURO", "MOFA", UnitKind.Department, "Vụ châu Âu", "Department of Europe", null),
        ("MOFA-MEAF", "MOFA", UnitKind.Department, "Vụ Trung Đông - châu Phi", "Department of the Middle East and Africa", null),
        ("MOFA-ASEAN", "MOFA", UnitKind.Department, "Vụ ASEAN", "ASEAN Department", null),
        ("MOFA-ML", "MOFA", UnitKind.Department, "Vụ Các tổ chức quốc tế", "Department of International Organisations", null),
        ("MOFA-ECON", "MOFA", UnitKind.Department, "Cục Ngoại giao kinh tế", "Department of Economic Diplomacy", null),
        ("MOFA-CONS", "MOFA", UnitKind.Department, "Cục Lãnh sự", "Consular Department", null),
        ("MOFA-PROT", "MOFA", UnitKind.Department, "Cục Lễ tân Nhà nước", "State Protocol Department", null),
        ("MOFA-BORDER", "MOFA", UnitKind.Department, "Ủy ban Biên giới quốc gia", "National Boundary Commission", null),
        ("MOFA-OVS", "MOFA", UnitKind.Department, "Ủy ban Nhà nước về người Việt Nam ở nước ngoài", "State Committee for Overseas Vietnamese", null),
        ("MOFA-CULT", "MOFA", UnitKind.Department, "Cục Ngoại giao văn hóa và UNESCO", "Department of Cultural Diplomacy and UNESCO", null),
        ("EMB-CHN", "MOFA", UnitKind.Mission, "Đại sứ quán Việt Nam tại Trung Quốc", "Embassy of Vietnam in China", "CHN"),
        ("EMB-USA", "MOFA", UnitKind.Mission, "Đại sứ quán Việt Nam tại Hoa Kỳ", "Embassy of Vietnam in the United States", "USA"),
        ("EMB-JPN", "MOFA", UnitKind.Mission, "Đại sứ quán Việt Nam tại Nhật Bản", "Embassy of Vietnam in Japan", "JPN"),
        ("EMB-LAO", "MOFA", UnitKind.Mission, "Đại sứ quán Việt Nam tại Lào", "Embassy of Vietnam in Laos", "LAO"),
        ("EMB-KHM", "MOFA", UnitKind.Mission, "Đại sứ quán Việt Nam tại Campuchia", "Embassy of Vietnam in Cambodia", "KHM"),
        ("UN-NY", "MOFA", UnitKind.Mission, "Phái đoàn thường trực Việt Nam tại Liên hợp quốc (New York)", "Permanent Mission of Vietnam to the United Nations (New York)", "USA"),
        ("MOIT", "", UnitKind.OtherMinistry, "Bộ Công Thương", "Ministry of Industry and Trade", null),
        ("MPI", "", UnitKind.OtherMinistry, "Bộ Tài chính", "Ministry of Finance", null),
        ("PROV-LCA", "", UnitKind.Province, "Tỉnh Lào Cai", "Lao Cai Province", null),
        ("PROV-LSN", "", UnitKind.Province, "Tỉnh Lạng Sơn", "Lang Son Province", null),
        ("PROV-QNI", "", UnitKind.Province, "Tỉnh Quảng Ninh", "Quang Ninh Province", null),
        ("PROV-DNG", "", UnitKind.Province, "Thành phố Đà Nẵng", "Da Nang City", null),
        ("PROV-AGG", "", UnitKind.Province, "Tỉnh An Giang", "An Giang Province", null),
    ];

    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Units.AnyAsync(ct)) return;
        var byCode = new Dictionary<string, Unit>();
        foreach (var s in Seed)
        {
            var unit = new Unit { Code = s.Code, Kind = s.Kind, NameVi = s.Vi, NameEn = s.En, CountryIso3 = s.Country };
            if (s.Parent.Length > 0) unit.Parent = byCode[s.Parent];
            byCode[s.Code] = unit;
            db.Units.Add(unit);
        }
        await db.SaveChangesAsync(ct);
    }
}
