namespace Chancery.Web.Agreements;

/// <summary>The extension point of the agreement page: other modules (commitments) add sections to it
/// through <c>IChanceryModule.Sections</c>; each section receives the agreement's id as <see cref="IdParameter"/>.</summary>
public static class AgreementPageSections
{
    public const string Name = "agreement";
    public const string IdParameter = "AgreementId";
}
