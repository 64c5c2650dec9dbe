namespace Chancery.Web.Common.Modules;

/// <summary>The extension points of the page layout: a module adds a component to the header (a count of
/// the reader's notifications) without the layout naming it.</summary>
public static class LayoutSections
{
    /// <summary>Beside the signed-in user's name in the top bar.</summary>
    public const string Header = "layout-header";
}
