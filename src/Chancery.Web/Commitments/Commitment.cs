using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Search;

namespace Chancery.Web.Commitments;

/// <summary>One concrete promise (commitments.csv): inside an agreement, made at an activity, or both;
/// followed to delivery through its <see cref="Deliveries"/>. Deliveries carry no level of their own:
/// they are read through their commitment, so the classification filter hides them with it.</summary>
public sealed class Commitment : IClassified, IVersioned, ISearchable
{
    public int Id { get; set; }
    /// <summary>The id the record carries in commitments.csv; re-imports match on it.</summary>
    public required string ExternalRef { get; set; }
    public int? AgreementId { get; set; }
    public int? ActivityId { get; set; }
    /// <summary>The partner's code (ISO3 for a country, the acronym of an organisation).</summary>
    public required string PartnerCode { get; set; }
    public CommitmentDirection Direction { get; set; } = CommitmentDirection.Inbound;
    public CommitmentSector Sector { get; set; }
    public required string Title { get; set; }
    public decimal? Amount { get; set; }
    /// <summary>An ISO 4217 currency code (USD, JPY …) or a count unit (<see cref="CommitmentUnits.Counts"/>).</summary>
    public string? Unit { get; set; }
    public DateOnly PledgedDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public int? OwnerUnitId { get; set; }
    public CommitmentStatus Status { get; set; } = CommitmentStatus.Open;
    /// <summary>Theme codes wrapped in ';' (as activities keep them).</summary>
    public string Themes { get; set; } = "";
    public string? Sources { get; set; }
    public string? Notes { get; set; }
    public List<Delivery> Deliveries { get; set; } = [];

    public ClassificationLevel Classification { get; set; } = ClassificationLevel.Internal;
    public int Version { get; set; }
    public string SearchText { get; set; } = "";

    public string BuildSearchText() => TextFolding.FoldAll(ExternalRef, Title, PartnerCode, Unit);

    public IReadOnlyList<string> ThemeList() => Themes.Split(';', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>What arrived of a commitment: the amount is in the commitment's unit (empty for a promise
/// without an amount, e.g. a market opened).</summary>
public sealed class Delivery
{
    public int Id { get; set; }
    /// <summary>The id the row carries in deliveries.csv (generated for a delivery entered in the app).</summary>
    public required string ExternalRef { get; set; }
    public int CommitmentId { get; set; }
    public Commitment? Commitment { get; set; }
    public DateOnly Date { get; set; }
    public decimal? Amount { get; set; }
    public string? Evidence { get; set; }
    public string? Source { get; set; }

    /// <summary>The evidence file (a PDF or Word document: a disbursement notice, a handover record), checked
    /// and kept as the kernel keeps an agreement's files: the bytes in the document store under
    /// <see cref="AttachmentKey"/>, here what was checked on upload. Null while none is attached.</summary>
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }
    public long? AttachmentSize { get; set; }
    /// <summary>Lower-case hexadecimal.</summary>
    public string? AttachmentSha256 { get; set; }
    public string? AttachmentKey { get; set; }
    public DateTime? AttachmentUploadedAt { get; set; }
    public string? AttachmentUploadedBy { get; set; }
}

/// <summary>USD per unit of a currency in a year (exchange_rates.csv). Realisation converts a pledge
/// and all its deliveries at the rate of the pledge's year.</summary>
public sealed class ExchangeRate : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int Year { get; set; }
    public required string Currency { get; set; }
    public decimal UsdPerUnit { get; set; }
    public string? Source { get; set; }
}

public enum CommitmentDirection { Inbound = 1, Outbound }

public enum CommitmentSector { Trade = 1, Investment, Oda, Loan, Grant, TechnologyTransfer, Education, Health, Culture, Security, Other }

public enum CommitmentStatus { Open = 1, InProgress, Fulfilled, PartiallyFulfilled, Lapsed, Cancelled }

/// <summary>A commitment's unit: money (an ISO 4217 code, converted to USD) or a count, summed apart and never converted.</summary>
public static class CommitmentUnits
{
    public const string Usd = "USD";
    public static readonly string[] Counts = ["doses", "scholarships", "people", "items"];

    public static bool IsCount(string? unit) => unit is not null && Counts.Contains(unit);

    /// <summary>Three capital letters: the shape of an ISO 4217 code.</summary>
    public static bool IsCurrency(string? unit) =>
        unit is { Length: 3 } && char.IsAsciiLetterUpper(unit[0]) && char.IsAsciiLetterUpper(unit[1]) && char.IsAsciiLetterUpper(unit[2]);

    /// <summary>The unit as stored: currencies in capitals, counts in lower case; null when it is neither.</summary>
    public static string? Normalise(string? unit)
    {
        var text = unit?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        var lower = text.ToLowerInvariant();
        if (Counts.Contains(lower)) return lower;
        var upper = text.ToUpperInvariant();
        return IsCurrency(upper) ? upper : null;
    }
}
