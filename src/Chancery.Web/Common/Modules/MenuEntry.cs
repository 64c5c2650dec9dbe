namespace Chancery.Web.Common.Modules;

/// <summary>A link in the navigation menu. <paramref name="Texts"/> is the resource class whose
/// <paramref name="TextKey"/> names the link in the reader's language; <paramref name="Policy"/>, when
/// set, shows the link only to those who pass it. <paramref name="FullLoad"/> turns off enhanced
/// navigation for pages that run scripts on load.</summary>
public sealed record MenuEntry(string Href, Type Texts, string TextKey, int Order, string? Policy = null, bool FullLoad = false);
