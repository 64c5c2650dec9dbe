using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Accounts;

public sealed class AccountsModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddChanceryAccounts();
        services.AddOpenIdConnectSignIn(configuration);
        services.AddSeeder<EditorBecomesOfficer>();
        services.AddSeeder<AdministratorSeeder>();
        services.AddErrorTexts<AccountsText>();
        services.AddAuditSubject<UserAuditSubject>();
        services.AddAuditSubject<RoleAuditSubject>();
        services.AddAuditSubject<UserRoleAuditSubject>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapAuthEndpoints();
        api.MapUserEndpoints();
        api.MapTokenEndpoints();
    }

    public void MapOther(IEndpointRouteBuilder app)
    {
        app.MapLogout();
        app.MapExternalSignIn();
    }

    public IEnumerable<MenuEntry> Menu => [new("/users", typeof(SharedText), "Users", 920, Policies.ManageAccounts)];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Auth", "Signing in for a bearer token, refreshing it, and who the caller is."),
        new("Users", "Accounts: their unit, role, clearance and lock (administrators every account; unit managers the officers and viewers of their unit subtree)."),
        new("Tokens", "Personal access tokens for integrations and calendar feeds: scoped (read, read_write, calendar), expiring, revocable, stored only as hashes."),
    ];
}
