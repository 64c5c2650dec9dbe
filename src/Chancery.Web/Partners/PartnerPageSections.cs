namespace Chancery.Web.Partners;

/// <summary>The extension point of the partner page: other modules add sections to it through
/// <c>IChanceryModule.Sections</c>; each section receives the partner's code as <see cref="CodeParameter"/>.</summary>
public static class PartnerPageSections
{
    public const string Name = "partner";
    public const string CodeParameter = "PartnerCode";
}
