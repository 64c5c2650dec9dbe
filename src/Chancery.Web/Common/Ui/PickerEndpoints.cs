using Chancery.Web.Common.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Ui;

/// <summary>The one search behind every picker: <c>GET /api/v1/pickers/{kind}?q=…&amp;on=yyyy-mm-dd</c>
/// answers the choices as <c>[{value, label, hint, search}]</c>, labels in the caller's language.</summary>
public static class PickerEndpoints
{
    public static RouteGroupBuilder MapPickerEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/pickers/{kind}", Find).WithTags("Pickers")
            .WithSummary("Choices for a form's picker (leaders, counterparts, partners, countries) matching q, diacritics ignored; "
                + "on (yyyy-mm-dd) puts first those who held office that day. Only what the caller may see.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<PickerOption>>, NotFound>> Find(
        string kind, string? q, string? on, int? limit, PickerSources sources, CancellationToken ct)
    {
        if (sources.Find(kind) is not { } source) return TypedResults.NotFound();
        // A day that does not parse is ignored rather than refused: the picker still answers by name.
        DateOnly? day = IsoDate.TryParse(on, out var parsed) ? parsed : null;
        var query = new PickerQuery(q?.Trim(), day, Math.Clamp(limit ?? PickerQuery.DefaultLimit, 1, PickerQuery.MaxLimit));
        return TypedResults.Ok(await source.FindAsync(query, ct));
    }
}
