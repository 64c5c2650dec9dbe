using System.Net;
using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Accounts;

/// <summary>The local identity provider and the app configured to sign in through it, each on a real
/// loopback port (the app's handler fetches the provider's metadata and redeems codes over the network,
/// and a browser-like client follows the redirects between the two). Two-step sign-in keeps its
/// production default: confidential and above.</summary>
public sealed class OidcSignInApp : IAsyncLifetime
{
    public const string ProviderName = "Ministry ID";
    /// <summary>The name Vietnamese readers see (<c>DisplayNames:vi</c>).</summary>
    public const string ProviderNameVi = "Cổng định danh Bộ";

    private LocalIdentityProvider? _provider;
    private ChanceryAppFactory? _app;

    public LocalIdentityProvider Provider => _provider!;
    public ChanceryAppFactory App => _app!;

    /// <summary>e.g. http://127.0.0.1:41235 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _provider = await LocalIdentityProvider.StartAsync();
        _app = new ChanceryAppFactory(TestProvider.Sqlite);
        _app.Settings["SignIn:TwoFactorFrom"] = "confidential";
        _app.Settings["SignIn:OpenIdConnect:Authority"] = _provider.Authority;
        _app.Settings["SignIn:OpenIdConnect:ClientId"] = LocalIdentityProvider.ClientId;
        _app.Settings["SignIn:OpenIdConnect:ClientSecret"] = LocalIdentityProvider.ClientSecret;
        _app.Settings["SignIn:OpenIdConnect:DisplayName"] = ProviderName;
        _app.Settings["SignIn:OpenIdConnect:DisplayNames:vi"] = ProviderNameVi;
        // The local provider speaks plain HTTP; a real one must not.
        _app.Settings["SignIn:OpenIdConnect:RequireHttpsMetadata"] = "false";
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("//[::]", "//127.0.0.1").Replace("//localhost", "//127.0.0.1").TrimEnd('/');
    }

    /// <summary>A browser-like client of the app: its own cookies, following redirects (to the provider and
    /// back), in the given language.</summary>
    public (HttpClient Client, CookieContainer Cookies) Browser(string culture = "vi")
    {
        var cookies = new CookieContainer();
        cookies.Add(new Uri(BaseUrl), new Cookie(".AspNetCore.Culture", Uri.EscapeDataString($"c={culture}|uic={culture}")));
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true, UseProxy = false };
        return (new HttpClient(handler) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) }, cookies);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
    }
}
