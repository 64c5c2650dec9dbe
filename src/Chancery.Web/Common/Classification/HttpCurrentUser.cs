using System.Security.Claims;
using Chancery.Web.Common.Security;

namespace Chancery.Web.Common.Classification;

/// <summary>Reads the current user from the request's claims; an anonymous request has public clearance
/// only. Without a request there is nobody to read for, and it fails closed: asking who it is throws, so
/// work outside a request (start-up seeding, the deadline notifications, a tool) must name whom it acts
/// for by setting <c>ChanceryDbContext.CurrentUser</c> (<see cref="SystemUser"/>, or the recipient it
/// writes to) instead of silently reading everything as the system, or anything as public.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => (accessor.HttpContext ?? throw new NoUserNamedException()).User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => Principal?.Identity?.Name;

    public ClassificationLevel Clearance
    {
        get
        {
            var claim = Principal?.FindFirstValue(ChanceryClaims.Clearance);
            return ClassificationLevels.TryParse(claim, out var level) ? level : ClassificationLevel.Public;
        }
    }

    public int? UnitId => int.TryParse(Principal?.FindFirstValue(ChanceryClaims.Unit), out var id) ? id : null;
    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;
}

/// <summary>A database context was used outside a request without being told whom it works for.</summary>
public sealed class NoUserNamedException() : InvalidOperationException(
    "No request and no user named: work outside a request sets ChanceryDbContext.CurrentUser (SystemUser.Instance or the user it acts for).");
