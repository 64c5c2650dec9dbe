namespace Chancery.Web.Common.Localization;

/// <summary>Marker for the words every page shares (layout, buttons, classification, errors).
/// English in SharedText.resx, Vietnamese in SharedText.vi.resx.</summary>
public sealed class SharedText;
