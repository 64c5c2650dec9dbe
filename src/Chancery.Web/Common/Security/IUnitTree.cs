namespace Chancery.Web.Common.Security;

/// <summary>The units' parent links, which <see cref="UnitScope"/> walks. The Units module owns the
/// table and provides this; the kernel only knows the shape.</summary>
public interface IUnitTree
{
    /// <summary>Every unit's id with its parent's (null for a root).</summary>
    Task<IReadOnlyList<(int Id, int? ParentId)>> ParentLinksAsync(CancellationToken ct);
}
