namespace Chancery.Web.Common.Concurrency;

/// <summary>An update's input that names the version the edit started from. A client may send that
/// version as <c>If-Match</c> instead of in the body (<see cref="Api.ConditionalRequests"/>), which puts it
/// here. Every PUT endpoint's request type implements it (an architecture test checks, listing the few
/// PUTs that replace a value rather than edit a versioned record).</summary>
public interface IVersionedRequest
{
    /// <summary>The same request starting from <paramref name="version"/>.</summary>
    IVersionedRequest WithVersion(int version);
}
