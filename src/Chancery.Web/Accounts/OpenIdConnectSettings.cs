namespace Chancery.Web.Accounts;

/// <summary>Sign-in through the ministry's identity provider (section <c>SignIn:OpenIdConnect</c>), off
/// until <c>Authority</c> and <c>ClientId</c> are set. The provider only proves who is at the keyboard:
/// the account, its role and its clearance are Chancery's own (<see cref="ExternalSignIn"/>).</summary>
public sealed class OpenIdConnectSettings
{
    public const string Section = "SignIn:OpenIdConnect";

    /// <summary>The authentication scheme of the provider; its callback is <see cref="CallbackPath"/>.</summary>
    public const string Scheme = "oidc";

    public const string CallbackPath = "/signin-oidc";

    /// <summary>The provider's issuer address (its discovery document is <c>.well-known/openid-configuration</c> below it).</summary>
    public string? Authority { get; private init; }
    public string? ClientId { get; private init; }
    /// <summary>Empty for a public client (PKCE alone).</summary>
    public string? ClientSecret { get; private init; }
    /// <summary>The provider's name on the button ("Sign in with …") and in the audit trail.</summary>
    public string DisplayName { get; private init; } = "OpenID Connect";
    /// <summary>The name in one language where it differs (<c>DisplayNames:vi</c>, <c>DisplayNames:en</c>),
    /// so an English screen need not carry a Vietnamese name.</summary>
    public IReadOnlyDictionary<string, string> DisplayNames { get; private init; } = new Dictionary<string, string>();
    /// <summary>The claim carrying the email address that names the Chancery account.</summary>
    public string EmailClaim { get; private init; } = "email";
    /// <summary>Off only for a provider on a test machine: the metadata and keys must come over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; private init; } = true;
    /// <summary>Also read the user-info endpoint (for a provider that leaves email out of the identity token).</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; private init; }
    /// <summary>The <c>amr</c> values that stand for a second factor done at the provider.</summary>
    public IReadOnlyList<string> SecondFactorMethods { get; private init; } = ["mfa", "otp"];
    public IReadOnlyList<string> Scopes { get; private init; } = ["openid", "email", "profile"];

    /// <summary>The provider's name in the reader's language.</summary>
    public string NameFor(System.Globalization.CultureInfo culture) =>
        DisplayNames.TryGetValue(culture.TwoLetterISOLanguageName, out var name) ? name : DisplayName;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Where the browser is sent to sign in (the sign-in page's form may lead there: see the CSP).</summary>
    public string Origin => new Uri(Authority!).GetLeftPart(UriPartial.Authority);

    public static OpenIdConnectSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new OpenIdConnectSettings();
        var settings = new OpenIdConnectSettings
        {
            Authority = section["Authority"]?.Trim(),
            ClientId = section["ClientId"]?.Trim(),
            ClientSecret = section["ClientSecret"],
            DisplayName = NonEmpty(section["DisplayName"]) ?? defaults.DisplayName,
            DisplayNames = section.GetSection("DisplayNames").GetChildren()
                .Where(c => NonEmpty(c.Value) is not null).ToDictionary(c => c.Key.ToLowerInvariant(), c => c.Value!.Trim()),
            EmailClaim = NonEmpty(section["EmailClaim"]) ?? defaults.EmailClaim,
            RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true),
            GetClaimsFromUserInfoEndpoint = section.GetValue("GetClaimsFromUserInfoEndpoint", false),
            SecondFactorMethods = List(section.GetSection("SecondFactorMethods")) ?? defaults.SecondFactorMethods,
            Scopes = List(section.GetSection("Scopes")) ?? defaults.Scopes,
        };
        // A typo must stop the app rather than leave a button that fails for everyone.
        if (settings.Enabled && !Uri.TryCreate(settings.Authority, UriKind.Absolute, out _))
            throw new InvalidOperationException($"{Section}:Authority must be an absolute address, not '{settings.Authority}'.");
        return settings;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A list given as an array (<c>SecondFactorMethods:0</c>, …) or as one comma-separated value
    /// (an environment variable); null when not given, so the default holds (binding would append to it).</summary>
    private static IReadOnlyList<string>? List(IConfigurationSection section)
    {
        var items = section.Value is { } one
            ? one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        return items.Length == 0 ? null : items;
    }
}
