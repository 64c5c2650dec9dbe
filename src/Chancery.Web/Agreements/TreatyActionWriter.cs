using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Agreements;

/// <summary>Records and removes an agreement's treaty actions. Each change re-derives the agreement's
/// status (<see cref="AgreementStatusRule"/>) and its dates of signature and entry into force, so the
/// list, its filters and the export read them from the agreement itself. An agreement the writer may not
/// see is not found.</summary>
public sealed class TreatyActionWriter(ChanceryDbContext db, AgreementQueries queries)
{
    public async Task<WriteOutcome<AgreementDetail>> AddAsync(int agreementId, TreatyActionInput input, CancellationToken ct)
    {
        var agreement = await db.Agreements.Include(a => a.Actions).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null) return WriteOutcome<AgreementDetail>.NotFound();
        var problems = new Problems();
        if (!Codes<TreatyActionKind>.TryParse(input.Kind, out var kind))
            problems.Add("kind", ErrorCodes.OneOf, string.Join(", ", Codes<TreatyActionKind>.All));
        if (input.Date is null) problems.Add("date", AgreementErrors.DateRequired);
        var number = string.IsNullOrWhiteSpace(input.Number) ? null : input.Number.Trim();
        if (kind == TreatyActionKind.Registration && number is null) problems.Add("number", AgreementErrors.RegistrationNumberRequired);
        int? partnerId = null;
        if (!string.IsNullOrWhiteSpace(input.Party))
        {
            var code = input.Party.Trim();
            partnerId = await db.Partners.Where(p => p.Code == code || p.Code == code.ToUpper()).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (partnerId is null) problems.Add("party", AgreementErrors.UnknownPartner, code);
        }
        if (!problems.Any && AgreementStatusRule.Refusal(agreement.Steps().ToList(), new(kind, input.Date!.Value, partnerId)) is { } refusal)
            problems.Add("kind", refusal);
        if (problems.Any) return WriteOutcome<AgreementDetail>.Invalid(problems);

        var action = new TreatyAction
        {
            Kind = kind, Date = input.Date!.Value, PartnerId = partnerId,
            Number = kind == TreatyActionKind.Registration ? number : null,
            Source = Blank(input.Source), Notes = Blank(input.Notes),
        };
        agreement.Actions.Add(action);
        Follow(agreement);
        return await CheckedSave.SaveAsync(db, [new Limited(action), new Limited(agreement)], problems, c => queries.DetailAsync(agreementId, c), WriteStatus.Created, ct);
    }

    public async Task<WriteOutcome<AgreementDetail>> RemoveAsync(int agreementId, int actionId, CancellationToken ct)
    {
        var agreement = await db.Agreements.Include(a => a.Actions).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement?.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action) return WriteOutcome<AgreementDetail>.NotFound();
        agreement.Actions.Remove(action);
        db.TreatyActions.Remove(action);
        Follow(agreement);
        return await CheckedSave.SaveAsync(db, agreement, new Problems(), c => queries.DetailAsync(agreementId, c), WriteStatus.Saved, ct);
    }

    /// <summary>The agreement's status from its actions; its entry into force from the first one recorded;
    /// a signature date from the first signature when it had none.</summary>
    private static void Follow(Agreement agreement)
    {
        var status = AgreementStatusRule.Derive(agreement.Steps(), agreement.Status);
        if (agreement.Status != status) agreement.Status = status;
        var force = agreement.Actions.Where(a => a.Kind == TreatyActionKind.EntryIntoForce).Select(a => (DateOnly?)a.Date).Min();
        if (force is not null && agreement.EntryIntoForce != force) agreement.EntryIntoForce = force;
        var signed = agreement.Actions.Where(a => a.Kind == TreatyActionKind.Signature).Select(a => (DateOnly?)a.Date).Min();
        if (agreement.SignedDate is null && signed is not null) agreement.SignedDate = signed;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
