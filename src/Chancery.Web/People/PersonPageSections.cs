namespace Chancery.Web.People;

/// <summary>The extension point of a person's page: other modules add sections to it through
/// <c>IChanceryModule.Sections</c>; each section receives the person's id as <see cref="IdParameter"/>.</summary>
public static class PersonPageSections
{
    public const string Name = "person";
    public const string IdParameter = "PersonId";
}
