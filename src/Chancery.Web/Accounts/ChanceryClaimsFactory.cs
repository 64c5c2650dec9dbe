using Chancery.Web.Common.Security;
using System.Security.Claims;
using Chancery.Web.Common.Classification;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Accounts;

/// <summary>Puts clearance, unit and display name into the sign-in principal, so every request
/// (cookie or bearer token) carries what the classification filter needs without a lookup.</summary>
public sealed class ChanceryClaimsFactory(
    UserManager<ChanceryUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ChanceryUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ChanceryUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ChanceryClaims.Clearance, user.Clearance.ToCode()));
        identity.AddClaim(new Claim(ChanceryClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.UnitId is { } unit) identity.AddClaim(new Claim(ChanceryClaims.Unit, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
