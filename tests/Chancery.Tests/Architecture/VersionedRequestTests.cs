using System.Reflection;
using System.Runtime.CompilerServices;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Concurrency;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Architecture;

/// <summary>If-Match reaches an update through <see cref="IVersionedRequest"/>, not by reflection: every PUT of
/// the API edits a versioned record through a request type that implements it, and that type's
/// <c>WithVersion</c> really sets the version its writer reads.</summary>
public sealed class VersionedRequestTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    /// <summary>PUTs that set a value rather than edit a versioned record, each with its reason.</summary>
    private static readonly Dictionary<string, string> Unversioned = new()
    {
        ["PackageInput"] = "a signing package's announced count is set, not edited from a version",
        ["ExchangeRateInput"] = "a rate is stored under its year and currency (an upsert)",
        ["UpdateUserRequest"] = "accounts carry no version yet; a change renews the security stamp",
    };

    private IReadOnlyList<(string Route, Type Body)> PutBodies() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("PUT") == true)
            .Select(e => (e.RoutePattern.RawText!, e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.Item1, p.Item2!))
            .ToList();

    [Fact]
    public void Every_PUT_endpoints_request_type_implements_IVersionedRequest()
    {
        var bodies = PutBodies();

        bodies.Count.ShouldBeGreaterThan(8);
        bodies.Where(b => !typeof(IVersionedRequest).IsAssignableFrom(b.Body) && !Unversioned.ContainsKey(b.Body.Name))
            .Select(b => $"{b.Route}: {b.Body.FullName}").ShouldBeEmpty();
    }

    [Fact]
    public void Each_request_types_WithVersion_sets_the_Version_its_writer_reads()
    {
        var versioned = PutBodies().Select(b => b.Body).Where(typeof(IVersionedRequest).IsAssignableFrom).Distinct().ToList();

        versioned.Count.ShouldBeGreaterThan(8);
        foreach (var type in versioned)
        {
            var blank = (IVersionedRequest)RuntimeHelpers.GetUninitializedObject(type);
            var changed = blank.WithVersion(4711);
            var version = type.GetProperty("Version", BindingFlags.Public | BindingFlags.Instance)!.GetValue(changed);
            Convert.ToInt32(version).ShouldBe(4711, type.Name);
        }
    }
}
