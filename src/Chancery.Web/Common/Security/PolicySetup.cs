using Microsoft.AspNetCore.Authorization;

namespace Chancery.Web.Common.Security;

/// <summary>Registers the named policies from the role sets, so the policy an endpoint requires and the
/// check a writer makes (<see cref="RolePowers"/>) read the same list.</summary>
public static class PolicySetup
{
    public static AuthorizationBuilder AddChanceryPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Policies.Edit, p => p.RequireRole(Roles.Editors))
        .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Administrators))
        .AddPolicy(Policies.ManageAccounts, p => p.RequireRole(Roles.AccountManagers));
}
