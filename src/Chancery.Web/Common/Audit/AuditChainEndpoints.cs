using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Audit;

/// <summary>The hash chain for administrators: verify it, or seal what the timer has not sealed yet.</summary>
public static class AuditChainEndpoints
{
    public sealed record SealResult(int Sealed, ChainReport Chain);

    public static RouteGroupBuilder MapAuditChainEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/chain", Verify).WithTags("Audit").RequireAuthorization(Policies.Administer)
            .WithSummary("Verifies the audit trail's hash chain from its first entry: intact or not, the first broken link (its place, the entry's id, altered or missing), the entries not yet sealed, and the last place with its hash.");
        api.MapPost("/audit/chain/seal", Seal).WithTags("Audit").RequireAuthorization(Policies.Administer)
            .WithSummary("Seals every committed entry not yet in the chain (the timer does this every few seconds), then verifies.");
        return api;
    }

    private static async Task<Ok<ChainReport>> Verify(AuditChain chain, CancellationToken ct) =>
        TypedResults.Ok(await chain.VerifyAsync(ct));

    private static async Task<Ok<SealResult>> Seal(AuditChain chain, CancellationToken ct)
    {
        var linked = await chain.SealAsync(ct);
        return TypedResults.Ok(new SealResult(linked, await chain.VerifyAsync(ct)));
    }
}
