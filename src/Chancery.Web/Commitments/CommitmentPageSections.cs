namespace Chancery.Web.Commitments;

/// <summary>The extension point of the commitment page: other modules (the tasks a commitment carries
/// out) add sections to it through <c>IChanceryModule.Sections</c>; each section receives the
/// commitment's id as <see cref="IdParameter"/>.</summary>
public static class CommitmentPageSections
{
    public const string Name = "commitment";
    public const string IdParameter = "CommitmentId";
}
