namespace Chancery.Web.Commitments;

/// <summary>Marker for the Commitments module's words (CommitmentsText.resx / CommitmentsText.vi.resx).</summary>
public sealed class CommitmentsText;
