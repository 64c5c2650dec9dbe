namespace Chancery.Web.Home;

/// <summary>The home page's extension point: other modules add sections to an officer's landing page
/// (their unit's tasks) without the home page naming them.</summary>
public static class HomePageSections
{
    public const string Name = "home";
}
