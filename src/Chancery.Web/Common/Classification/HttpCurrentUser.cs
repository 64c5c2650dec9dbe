using System.Security.Claims;
using Chancery.Web.Common.Security;

namespace Chancery.Web.Common.Classification;

/// <summary>Reads the current user from the request's claims. Without a request (background work)
/// it is the system; with an anonymous request it has public clearance only.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;
    private bool OutsideRequest => accessor.HttpContext is null;

    public string? UserId => OutsideRequest ? null : Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => OutsideRequest ? SystemUser.Instance.UserName : Principal?.Identity?.Name;

    public ClassificationLevel Clearance
    {
        get
        {
            if (OutsideRequest) return SystemUser.Instance.Clearance;
            var claim = Principal?.FindFirstValue(ChanceryClaims.Clearance);
            return ClassificationLevels.TryParse(claim, out var level) ? level : ClassificationLevel.Public;
        }
    }

    public int? UnitId => int.TryParse(Principal?.FindFirstValue(ChanceryClaims.Unit), out var id) ? id : null;
    public bool IsAdministrator => OutsideRequest || (Principal?.IsInRole(Roles.Administrator) ?? false);
}
