using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chancery.Web.Common.Audit;

/// <summary>The audit trail's hash chain. Entries are written as they always were (in the transaction
/// of the change, by the interceptor or in bulk); the sealer then links the committed ones, oldest id
/// first, each to the one before: <see cref="AuditEntry.ChainIndex"/> is its place and
/// <see cref="AuditEntry.Hash"/> is SHA-256 over its canonical form and the previous hash. The chain
/// order is the sealer's, not the ids': an import that runs for minutes commits ids lower than entries
/// sealed meanwhile, and they are simply sealed in the next round. Writers never wait for the chain, so
/// an import of 100,000 rows writes its entries as fast as before.
/// <para>One sealer at a time: on PostgreSQL a transaction-scoped advisory lock (another instance that
/// finds it taken skips its round); on SQLite the write transaction itself (BEGIN IMMEDIATE).</para></summary>
public sealed class AuditChain(ChanceryDbContext db, AuditChain.SealerTurn turn)
{
    /// <summary>One sealer at a time within this app (the timer's and an administrator's "seal now"). A
    /// singleton of the app's container, not a static: two apps in one process (the tests) do not wait
    /// for each other's database.</summary>
    public sealed class SealerTurn
    {
        internal SemaphoreSlim Gate { get; } = new(1, 1);
    }

    /// <summary>How many entries one sealing transaction links.</summary>
    public const int SealBatch = 5000;
    /// <summary>The hash "before" the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    /// <summary>The advisory lock every instance's sealer takes on PostgreSQL ("CHNCAUDT").</summary>
    private const long SealerLock = 0x43484E4341554454;

    private IQueryable<AuditEntry> All => db.AuditEntries.IgnoreQueryFilters().AsNoTracking();

    /// <summary>Links every committed entry not yet in the chain; returns how many were linked.</summary>
    public async Task<int> SealAsync(CancellationToken ct)
    {
        await turn.Gate.WaitAsync(ct);
        try
        {
            var total = 0;
            while (true)
            {
                var linked = await db.Database.CreateExecutionStrategy().ExecuteAsync(() => SealBatchAsync(ct));
                total += linked;
                if (linked < SealBatch) return total;
            }
        }
        finally { turn.Gate.Release(); }
    }

    private async Task<int> SealBatchAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()
            && !await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({SealerLock}) AS \"Value\"").SingleAsync(ct))
            return 0; // another instance is sealing right now
        var tip = await All.Where(e => e.ChainIndex != null).OrderByDescending(e => e.ChainIndex)
            .Select(e => new { e.ChainIndex, e.Hash }).FirstOrDefaultAsync(ct);
        var batch = await All.Where(e => e.ChainIndex == null).OrderBy(e => e.Id).Take(SealBatch).ToListAsync(ct);
        if (batch.Count == 0) return 0;
        var index = tip?.ChainIndex ?? 0;
        var previous = tip?.Hash ?? Genesis;
        foreach (var entry in batch)
        {
            entry.ChainIndex = ++index;
            entry.Hash = previous = HashOf(entry, previous);
        }
        await WriteLinksAsync(transaction, batch, ct);
        await transaction.CommitAsync(ct);
        return batch.Count;
    }

    /// <summary>The only update the audit table accepts (the append-only trigger lets the chain columns
    /// of an unsealed entry be set, nothing else): one statement for the batch on PostgreSQL, one prepared
    /// statement per entry on SQLite (in-process, so as fast).</summary>
    private async Task WriteLinksAsync(IDbContextTransaction transaction, IReadOnlyList<AuditEntry> batch, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        if (db.Database.IsNpgsql())
        {
            command.CommandText = """
                UPDATE audit_entries AS a SET "ChainIndex" = v.i, "Hash" = v.h
                FROM unnest(@ids, @indexes, @hashes) AS v(id, i, h) WHERE a."Id" = v.id
                """;
            command.Parameters.Add(new Npgsql.NpgsqlParameter("ids", batch.Select(e => e.Id).ToArray()));
            command.Parameters.Add(new Npgsql.NpgsqlParameter("indexes", batch.Select(e => e.ChainIndex!.Value).ToArray()));
            command.Parameters.Add(new Npgsql.NpgsqlParameter("hashes", batch.Select(e => e.Hash!).ToArray()));
            await command.ExecuteNonQueryAsync(ct);
            return;
        }
        command.CommandText = "UPDATE audit_entries SET ChainIndex = $i, Hash = $h WHERE Id = $id";
        var id = Add(command, "$id");
        var i = Add(command, "$i");
        var h = Add(command, "$h");
        await command.PrepareAsync(ct);
        foreach (var entry in batch)
        {
            id.Value = entry.Id;
            i.Value = entry.ChainIndex!.Value;
            h.Value = entry.Hash!;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Walks the chain from its first entry and reports the first broken link: an entry whose
    /// values no longer give its hash (altered), a place with no entry (removed), or an entry that claims
    /// a place but carries no hash. Reads every level (the chain is one), but reports places and ids only.</summary>
    public async Task<ChainReport> VerifyAsync(CancellationToken ct)
    {
        long expected = 1, verified = 0;
        var previous = Genesis;
        ChainBreak? broken = null;
        await foreach (var entry in All.Where(e => e.ChainIndex != null).OrderBy(e => e.ChainIndex).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.ChainIndex != expected)
            {
                broken = new ChainBreak(expected, null, ChainBreakKind.Missing, entry.Id);
                break;
            }
            if (entry.Hash is null || !CryptographicOperations.FixedTimeEquals(
                    Encoding.ASCII.GetBytes(entry.Hash), Encoding.ASCII.GetBytes(HashOf(entry, previous))))
            {
                broken = new ChainBreak(expected, entry.Id, ChainBreakKind.Altered, null);
                break;
            }
            previous = entry.Hash;
            verified++;
            expected++;
        }
        var tip = await All.Where(e => e.ChainIndex != null).OrderByDescending(e => e.ChainIndex)
            .Select(e => new { e.ChainIndex, e.Hash }).FirstOrDefaultAsync(ct);
        var unsealed = await All.CountAsync(e => e.ChainIndex == null, ct);
        return new ChainReport(broken is null, verified, unsealed, tip?.ChainIndex ?? 0, tip?.Hash, broken);
    }

    /// <summary>SHA-256 (lower-case hex) of the previous hash and the entry's canonical form: a JSON array
    /// of every stored value in a fixed order, the time to the tick in UTC, the action by name and the
    /// level by number (so renaming a level's code does not break the chain).</summary>
    public static string HashOf(AuditEntry entry, string previousHash)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(previousHash);
            json.WriteNumberValue(entry.ChainIndex ?? 0);
            json.WriteNumberValue(entry.Id);
            json.WriteStringValue(entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteStringValue(entry.UserId);
            json.WriteStringValue(entry.UserName);
            json.WriteStringValue(entry.Action.ToString());
            json.WriteStringValue(entry.EntityType);
            json.WriteStringValue(entry.EntityKey);
            json.WriteStringValue(entry.Changes);
            json.WriteNumberValue((int)entry.Classification);
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }
}

public enum ChainBreakKind
{
    /// <summary>The entry at this place no longer matches its hash: a value was changed (or the hash).</summary>
    Altered = 1,
    /// <summary>No entry holds this place: it was removed (or its place changed).</summary>
    Missing = 2,
}

/// <summary>The first broken link: its place, the entry there (null when it is missing) and, for a
/// missing place, the id of the entry found after the gap.</summary>
public sealed record ChainBreak(long Position, long? EntryId, ChainBreakKind Kind, long? NextEntryId);

/// <summary>What a verification found: whether the chain holds, how many links were checked, how many
/// entries still wait for the sealer, the last place and its hash (note it down: removing entries from
/// the end of the chain can only be seen against a place and hash kept elsewhere), and the first break.</summary>
public sealed record ChainReport(bool Intact, long Verified, int Unsealed, long TipPosition, string? TipHash, ChainBreak? FirstBreak);
