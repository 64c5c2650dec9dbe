namespace Chancery.Web.Common.Modules;

/// <summary>One capability of Chancery (partners, activities, agreements …), registered through this
/// contract and nothing else: the composition root finds every implementation in the assembly, so a
/// new module is a new folder with one class implementing this interface (plus its migrations).
/// Search sources, import definitions and error texts are services, added in
/// <see cref="AddServices"/> with the kernel's helpers (<c>AddSearchSource</c>, <c>AddPickerSource</c>, <c>AddImport</c>,
/// <c>AddErrorTexts</c>).</summary>
public interface IChanceryModule
{
    /// <summary>The module's services: its write service, query services, search source, imports.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>The module's endpoints under <c>/api/v1</c> (the group already requires a signed-in user).</summary>
    void MapApi(RouteGroupBuilder api) { }

    /// <summary>Endpoints outside <c>/api/v1</c> (a feed read by calendar programs, a sign-out form).</summary>
    void MapOther(IEndpointRouteBuilder app) { }

    /// <summary>The module's entries in the navigation menu.</summary>
    IEnumerable<MenuEntry> Menu => [];

    /// <summary>Sections the module adds to another module's pages (a partner page listing its
    /// activities), so the page's module need not know this one.</summary>
    IEnumerable<PageSection> Sections => [];

    /// <summary>The OpenAPI tags the module's endpoints use (<c>WithTags</c>), each with the description the
    /// API document gives it; a tag used by an endpoint without one fails <c>OpenApiDocumentTests</c>.</summary>
    IEnumerable<ApiTag> ApiTags => [];
}

/// <summary>An OpenAPI tag and its description (English, as the rest of the API document).</summary>
public sealed record ApiTag(string Name, string Description);
