namespace Chancery.Web.People;

/// <summary>Marker for the People pages' words (PeopleText.resx / PeopleText.vi.resx).</summary>
public sealed class PeopleText;
