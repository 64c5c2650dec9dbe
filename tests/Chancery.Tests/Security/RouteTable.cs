using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Security;

/// <summary>One address the app answers: the method and the route pattern as the router holds it,
/// with the authorization it carries (policy names, whether it admits anonymous visitors).</summary>
public sealed record AppRoute(string Method, string Pattern, bool IsPage, bool IsStaticFile, bool AllowsAnonymous, IReadOnlyList<string> Policies)
{
    public string Key => $"{Method} {Pattern}";
    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);
    public bool IsWrite => Method is not ("GET" or "HEAD");
    public override string ToString() => Key;
}

/// <summary>Every route of the running app, read from its <see cref="EndpointDataSource"/> (minimal API
/// endpoints and Razor component pages): the list a new endpoint joins without anyone naming it.</summary>
public static class RouteTable
{
    public static IReadOnlyList<AppRoute> Read(IServiceProvider services)
    {
        var routes = new List<AppRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            // MapStaticAssets marks each file of wwwroot (and its compressed and fingerprinted copies) with its descriptor.
            var isStatic = endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = endpoint.Metadata.GetOrderedMetadata<IAllowAnonymous>().Any();
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy ?? (a.Roles is null ? "signed-in" : "roles:" + a.Roles))
                .Concat(endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Select(_ => "policy-object"))
                .Distinct().Order().ToList();
            foreach (var method in methods.Where(m => m != "HEAD"))
                routes.Add(new AppRoute(method, pattern, isPage, isStatic, anonymous, policies));
        }
        return routes.DistinctBy(r => r.Key).OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method).ToList();
    }
}
