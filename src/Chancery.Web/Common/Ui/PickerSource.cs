using Chancery.Web.Common.Search;

namespace Chancery.Web.Common.Ui;

/// <summary>One choice a picker offers: the value the form posts, what the reader sees, a hint beside it
/// (an office, a country code) and the folded names it is found by, so the browser can narrow the
/// choices it already holds the way the server does (<see cref="TextFolding"/>).</summary>
public sealed record PickerOption(string Value, string Label, string? Hint = null)
{
    public string Search { get; init; } = TextFolding.FoldAll(Label, Hint);
}

/// <summary>What a picker asks for: the text typed (null or blank: the best first choices), the day the
/// choice is about (an activity's first day: who was in office then comes first), how many.</summary>
public sealed record PickerQuery(string? Q, DateOnly? On, int Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}

/// <summary>A module's list to choose from by typing part of a name (leaders, counterparts, partners,
/// countries), registered with <see cref="PickerRegistration.AddPickerSource{T}"/> and answered by
/// <c>GET /api/v1/pickers/{kind}</c>. A source reads through the classification filter: it never
/// offers what the reader may not see.</summary>
public interface IPickerSource
{
    /// <summary>The name in the URL and in the form's <c>data-picker</c> attribute ("leaders").</summary>
    string Kind { get; }

    /// <summary>The choices matching every term of the query (diacritics and case ignored), best first.</summary>
    Task<IReadOnlyList<PickerOption>> FindAsync(PickerQuery query, CancellationToken ct);

    /// <summary>The choices for values a form is already set to, whatever their rank; a value the reader
    /// may not see or that names nothing is left out.</summary>
    Task<IReadOnlyList<PickerOption>> ChosenAsync(IReadOnlyCollection<string> values, CancellationToken ct);
}

/// <summary>Every module's picker sources, by kind.</summary>
public sealed class PickerSources(IEnumerable<IPickerSource> sources)
{
    private readonly Dictionary<string, IPickerSource> _byKind = sources.ToDictionary(s => s.Kind, StringComparer.OrdinalIgnoreCase);

    public IPickerSource? Find(string kind) => _byKind.GetValueOrDefault(kind);
}

public static class PickerRegistration
{
    /// <summary>Registers a module's picker source (scoped: it reads through the request's context).</summary>
    public static IServiceCollection AddPickerSource<T>(this IServiceCollection services) where T : class, IPickerSource =>
        services.AddScoped<IPickerSource, T>();
}
