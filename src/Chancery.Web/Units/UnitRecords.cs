using Chancery.Web.Common.Api;
using Chancery.Web.Common.Concurrency;

namespace Chancery.Web.Units;

/// <summary>What an administrator sends to create or edit a unit (API and page alike).</summary>
public sealed record UnitRequest(string? Code, string? NameVi, string? NameEn, [property: CodeSet(typeof(UnitKind))] string? Kind, int? ParentId, string? CountryIso3, int Version = 0) : Common.Concurrency.IVersionedRequest
{
    public Common.Concurrency.IVersionedRequest WithVersion(int version) => this with { Version = version };
}

/// <summary>A unit as the API shows it.</summary>
public sealed record UnitItem(int Id, string Code, string NameVi, string NameEn, [property: CodeSet(typeof(UnitKind))] string Kind, int? ParentId, string? CountryIso3, int Version)
    : IVersionedRecord
{
    public static UnitItem From(Unit u) => new(u.Id, u.Code, u.NameVi, u.NameEn, u.Kind.ToString(), u.ParentId, u.CountryIso3, u.Version);
}
