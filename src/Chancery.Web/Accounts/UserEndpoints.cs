using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Accounts;

public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Administer);
        group.MapGet("/", List).WithSummary("Every account with its unit, roles, clearance and whether it is locked.");
        group.MapPost("/", Create)
            .WithSummary("Creates an account (role administrator/editor/viewer, clearance code, initial password meeting the password rules).");
        return api;
    }

    private static async Task<Ok<ListResult<UserItem>>> List(UserCommands commands, CancellationToken ct)
    {
        var items = await commands.ListAsync(ct);
        return TypedResults.Ok(new ListResult<UserItem>(items, items.Count));
    }

    private static async Task<Results<Created<UserItem>, ValidationProblem>> Create(CreateUserRequest request, UserCommands commands, CancellationToken ct)
    {
        var result = await commands.CreateAsync(request, ct);
        if (!result.Succeeded) return TypedResults.ValidationProblem(result.Errors);
        var user = result.User!;
        var item = (await commands.ListAsync(ct)).Single(u => u.Id == user.Id);
        return TypedResults.Created($"/api/v1/users/{user.Id}", item);
    }
}
