using Chancery.Web.Activities;
using Chancery.Web.Agreements;
using Chancery.Web.Commitments;
using Chancery.Web.Commitments.Import;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.DataGen.Bulk;

/// <summary>The bulk path for generated agreements, their parties, commitments and deliveries (issue #12's
/// scale): rows parsed by the imports' own parsers, written straight into the tables with the app's
/// <see cref="BulkInsert"/> (binary COPY on PostgreSQL, one prepared INSERT on SQLite), a transaction per
/// batch. The values are the ones the imports' ApplyAsync sets on a NEW record (AgreementImportDefinition.Copy,
/// CommitmentImportDefinition.CopyTo, DeliveryImportDefinition.ApplyAsync): references resolved to keys, themes
/// wrapped in ';', the level given or Internal, the search text (<see cref="SearchTexts.Refresh"/>), version 0.
/// No audit entries (benchmark data; docs/benchmarks.md "Data"). New rows only: an id already stored
/// is refused by the unique index, and the whole batch with it.</summary>
public sealed class AgreementBulk(IServiceProvider services)
{
    private readonly Dictionary<string, int> _agreements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _commitments = new(StringComparer.Ordinal);
    private Dictionary<string, int> _partners = null!, _units = null!;

    public async Task<int> AgreementsAsync(IEnumerable<string> lines, int batch, Action<int>? progress = null)
    {
        (_partners, _units) = await GeneratedRows.CodesAsync(services);
        var done = 0;
        foreach (var chunk in lines.Chunk(batch))
        {
            using var scope = services.CreateScope();
            var rows = GeneratedRows.Parse(scope.ServiceProvider.GetRequiredService<AgreementImportDefinition>(), AgreementGenerator.AgreementHeader, chunk);
            var activities = await ActivitiesAsync(rows.Select(r => r.ActivityId));
            await GeneratedRows.InTransactionAsync(services, async db =>
            {
                var ids = await BulkInsert.ReserveIdsAsync<Agreement>(db, rows.Count, CancellationToken.None);
                var agreements = new List<Agreement>(rows.Count);
                var parties = new List<AgreementParty>(rows.Count * 2);
                for (var i = 0; i < rows.Count; i++)
                {
                    var r = rows[i];
                    var a = new Agreement
                    {
                        Id = checked((int)ids[i]), ExternalRef = r.Id, Type = r.Type, Channel = r.Channel, TitleVi = r.TitleVi, TitleEn = r.TitleEn,
                        OurSignatory = r.OurSignatory, TheirSignatory = r.TheirSignatory, SignedDate = r.SignedDate, SignedPlace = r.SignedPlace,
                        ActivityId = r.ActivityId is { } act ? GeneratedRows.Resolve(activities, act, "activity") : null,
                        EntryIntoForce = r.EntryIntoForce, ExpiryDate = r.ExpiryDate, Status = r.Status, Themes = AgreementRules.JoinThemes(r.Themes),
                        OwnerUnitId = r.OwnerUnit is { } unit ? GeneratedRows.Resolve(_units, unit, "unit") : null,
                        Classification = r.Classification ?? ClassificationLevel.Internal, Sources = r.Source, Notes = r.Notes,
                    };
                    SearchTexts.Refresh(a);
                    agreements.Add(a);
                    // The parties in the record's order, each once (as the import keeps them).
                    var partyIds = r.Parties.Select(p => GeneratedRows.Resolve(_partners, p, "partner")).Distinct().ToList();
                    for (var n = 0; n < partyIds.Count; n++) parties.Add(new AgreementParty { AgreementId = a.Id, PartnerId = partyIds[n], Order = n + 1 });
                    _agreements.Add(r.Id, a.Id);
                }
                await BulkInsert.InsertAsync(db, agreements, CancellationToken.None);
                await BulkInsert.InsertAsync(db, parties, CancellationToken.None);
            });
            done += rows.Count;
            progress?.Invoke(done);
        }
        return done;
    }

    public async Task<int> CommitmentsAsync(IEnumerable<string> lines, int batch, Action<int>? progress = null)
    {
        (_partners, _units) = await GeneratedRows.CodesAsync(services);
        var done = 0;
        foreach (var chunk in lines.Chunk(batch))
        {
            using var scope = services.CreateScope();
            var rows = GeneratedRows.Parse(scope.ServiceProvider.GetRequiredService<CommitmentImportDefinition>(), AgreementGenerator.CommitmentHeader, chunk);
            var activities = await ActivitiesAsync(rows.Select(r => r.ActivityId));
            await GeneratedRows.InTransactionAsync(services, async db =>
            {
                var ids = await BulkInsert.ReserveIdsAsync<Commitment>(db, rows.Count, CancellationToken.None);
                var commitments = new List<Commitment>(rows.Count);
                for (var i = 0; i < rows.Count; i++)
                {
                    var r = rows[i];
                    // The import refuses a partner code it does not know; the column keeps the code.
                    GeneratedRows.Resolve(_partners, r.Partner, "partner");
                    var c = new Commitment
                    {
                        Id = checked((int)ids[i]), ExternalRef = r.Id,
                        AgreementId = r.AgreementId is { } ag ? GeneratedRows.Resolve(_agreements, ag, "agreement") : null,
                        ActivityId = r.ActivityId is { } act ? GeneratedRows.Resolve(activities, act, "activity") : null,
                        PartnerCode = r.Partner, Direction = r.Direction, Sector = r.Sector, Title = r.Title, Amount = r.Amount, Unit = r.Unit,
                        PledgedDate = r.PledgedDate, DueDate = r.DueDate,
                        OwnerUnitId = r.OwnerUnit is { } unit ? GeneratedRows.Resolve(_units, unit, "unit") : null,
                        Status = r.Status, Themes = Activity.JoinThemes(r.Themes), Classification = r.Classification ?? ClassificationLevel.Internal,
                        Sources = r.Source, Notes = r.Notes,
                    };
                    SearchTexts.Refresh(c);
                    commitments.Add(c);
                    _commitments.Add(r.Id, c.Id);
                }
                await BulkInsert.InsertAsync(db, commitments, CancellationToken.None);
            });
            done += rows.Count;
            progress?.Invoke(done);
        }
        return done;
    }

    public async Task<int> DeliveriesAsync(IEnumerable<string> lines, int batch, Action<int>? progress = null)
    {
        var done = 0;
        foreach (var chunk in lines.Chunk(batch))
        {
            using var scope = services.CreateScope();
            var rows = GeneratedRows.Parse(scope.ServiceProvider.GetRequiredService<DeliveryImportDefinition>(), AgreementGenerator.DeliveryHeader, chunk);
            var deliveries = rows.Select(r => new Delivery
            {
                ExternalRef = r.Id, CommitmentId = GeneratedRows.Resolve(_commitments, r.CommitmentId, "commitment"),
                Date = r.Date, Amount = r.Amount, Evidence = r.Evidence, Source = r.Source,
            }).ToList();
            // Nothing points at a delivery: the database numbers them.
            await GeneratedRows.InTransactionAsync(services, db => BulkInsert.InsertAsync(db, deliveries, CancellationToken.None, keysFromDatabase: true));
            done += rows.Count;
            progress?.Invoke(done);
        }
        return done;
    }

    /// <summary>The activities the rows name by their activities.csv id (the generator names none; demo-style rows may).</summary>
    private async Task<Dictionary<string, int>> ActivitiesAsync(IEnumerable<string?> references)
    {
        var refs = references.OfType<string>().Distinct().ToList();
        if (refs.Count == 0) return [];
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        return await db.Activities.Where(a => EF.Parameter(refs).Contains(a.ExternalRef)).ToDictionaryAsync(a => a.ExternalRef, a => a.Id);
    }
}
