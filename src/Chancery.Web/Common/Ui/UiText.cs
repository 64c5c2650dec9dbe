namespace Chancery.Web.Common.Ui;

/// <summary>Marker for the words of the shared components (UiText.resx / UiText.vi.resx).</summary>
public sealed class UiText;
