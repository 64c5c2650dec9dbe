using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments;

/// <summary>Enters or changes the rate of a currency in a year (one rate per year and currency: a second
/// entry replaces the first), and removes one.</summary>
public sealed class ExchangeRateWriter(ChanceryDbContext db)
{
    public const int FirstYear = 1945, LastYear = 2200;

    public async Task<WriteOutcome<ExchangeRateDto>> SaveAsync(ExchangeRateInput input, CancellationToken ct)
    {
        var problems = Check(input);
        if (problems.Any) return WriteOutcome<ExchangeRateDto>.Invalid(problems);
        var currency = input.Currency!.Trim().ToUpperInvariant();
        var year = input.Year!.Value;
        var rate = await db.ExchangeRates.SingleOrDefaultAsync(r => r.Year == year && r.Currency == currency, ct);
        var created = rate is null;
        if (rate is null) db.ExchangeRates.Add(rate = new ExchangeRate { Year = year, Currency = currency });
        rate.UsdPerUnit = input.UsdPerUnit!.Value;
        rate.Source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        var saved = rate;
        return await CheckedSave.SaveAsync(db, rate, problems,
            _ => Task.FromResult<ExchangeRateDto?>(new ExchangeRateDto(saved.Year, saved.Currency, saved.UsdPerUnit, saved.Source, saved.Version)),
            created ? WriteStatus.Created : WriteStatus.Saved, ct);
    }

    public async Task<bool> RemoveAsync(int year, string currency, CancellationToken ct)
    {
        var code = currency.Trim().ToUpperInvariant();
        return await db.ExchangeRates.Where(r => r.Year == year && r.Currency == code).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>The rules of a rate, shared with the import: a year, a currency other than USD (USD needs no rate), a positive rate.</summary>
    public static Problems Check(ExchangeRateInput input)
    {
        var problems = new Problems();
        if (input.Year is not (>= FirstYear and <= LastYear)) problems.Add("year", CommitmentErrors.YearInvalid, FirstYear, LastYear);
        var currency = input.Currency?.Trim().ToUpperInvariant();
        if (!CommitmentUnits.IsCurrency(currency) || currency == CommitmentUnits.Usd) problems.Add("currency", CommitmentErrors.CurrencyInvalid);
        if (input.UsdPerUnit is not > 0) problems.Add("usdPerUnit", CommitmentErrors.RateNotPositive);
        return problems;
    }
}
