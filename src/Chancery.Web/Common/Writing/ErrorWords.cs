using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Common.Writing;

/// <summary>A resource class whose entries word some error codes (a module's own texts).</summary>
public sealed record ErrorTextSource(Type Texts);

/// <summary>Marker for the shared error words: ErrorText.resx (English), ErrorText.vi.resx.</summary>
public sealed class ErrorText;

/// <summary>Words a problem code in the current UI culture (the page's language, or the API caller's
/// Accept-Language). Looks the code up in the modules' registered texts, then in the shared ones; a
/// code with no words anywhere is shown as the code itself, so a missing translation is visible, not
/// hidden.</summary>
public sealed class ErrorWords
{
    private readonly IReadOnlyList<IStringLocalizer> localizers;

    public ErrorWords(IStringLocalizerFactory factory, IEnumerable<ErrorTextSource> sources)
    {
        localizers = [.. sources.Select(s => factory.Create(s.Texts)), factory.Create(typeof(ErrorText))];
    }

    public string this[FieldProblem problem] => Word(problem.Code, problem.Args);

    public string Word(string code, IReadOnlyList<object?> args)
    {
        foreach (var localizer in localizers)
        {
            var found = localizer[code];
            if (!found.ResourceNotFound)
                return args.Count == 0 ? found.Value : string.Format(CultureInfo.CurrentCulture, found.Value, [.. args]);
        }
        return args.Count == 0 ? code : $"{code} ({string.Join(", ", args)})";
    }

    /// <summary>Problems grouped by field, worded: the shape of ValidationProblem's "errors".</summary>
    public Dictionary<string, string[]> ByField(Problems problems) => problems.All
        .GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => this[p]).ToArray());
}

public static class ErrorWordsRegistration
{
    /// <summary>Adds a module's resource class to the places where error codes are worded.</summary>
    public static IServiceCollection AddErrorTexts<TTexts>(this IServiceCollection services)
    {
        services.AddSingleton(new ErrorTextSource(typeof(TTexts)));
        return services;
    }
}
