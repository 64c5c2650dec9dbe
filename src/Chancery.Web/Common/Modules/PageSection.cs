namespace Chancery.Web.Common.Modules;

/// <summary>A component one module shows on another module's page. <paramref name="Page"/> is the
/// name the host page gives its extension point (a constant of the host module, e.g.
/// <c>PartnerPage.SectionsName</c>); the component receives the page's parameters (e.g. the partner's
/// code) by name.</summary>
public sealed record PageSection(string Page, Type Component, int Order);
