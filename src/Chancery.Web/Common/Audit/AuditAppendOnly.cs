using Chancery.Web.Common.Modules;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Audit;

/// <summary>The database itself refuses to change or remove an audit entry: a trigger on
/// <c>audit_entries</c> lets through only the sealer's one update (the chain columns of an entry not yet
/// sealed, every other value unchanged) and refuses every delete (and, on PostgreSQL, TRUNCATE). Set
/// at every start, after the migrations, so it holds whatever migrations are regenerated. Someone with
/// the database owner's rights can still drop it; the hash chain is what shows that they did.</summary>
public sealed class AuditAppendOnly(ChanceryDbContext db) : IStartupSeeder
{
    public int Order => -1000;

    private const string OtherColumnsUnchanged = """
        NEW."Id" = OLD."Id" AND NEW."At" = OLD."At" AND NEW."UserId" IS NOT DISTINCT FROM OLD."UserId"
        AND NEW."UserName" IS NOT DISTINCT FROM OLD."UserName" AND NEW."Action" = OLD."Action"
        AND NEW."EntityType" = OLD."EntityType" AND NEW."EntityKey" = OLD."EntityKey"
        AND NEW."Changes" = OLD."Changes" AND NEW."Classification" = OLD."Classification"
        """;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // Instances starting together would replace the function at once ("tuple concurrently updated").
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4848484848)", ct);
            await db.Database.ExecuteSqlRawAsync($$"""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
                BEGIN
                  IF TG_OP = 'TRUNCATE' OR TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP;
                  END IF;
                  IF OLD."ChainIndex" IS NOT NULL OR OLD."Hash" IS NOT NULL OR NOT ({{OtherColumnsUnchanged}}) THEN
                    RAISE EXCEPTION 'audit entries are append-only: only the sealer may link an unsealed entry';
                  END IF;
                  RETURN NEW;
                END $f$;
                CREATE OR REPLACE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                CREATE OR REPLACE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """, ct);
            await transaction.CommitAsync(ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync($"""
            CREATE TRIGGER IF NOT EXISTS audit_entries_no_delete BEFORE DELETE ON audit_entries
            BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: DELETE refused'); END;
            CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries
            WHEN OLD."ChainIndex" IS NOT NULL OR OLD."Hash" IS NOT NULL OR NOT ({OtherColumnsUnchanged})
            BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: only the sealer may link an unsealed entry'); END;
            """, ct);
    }
}
