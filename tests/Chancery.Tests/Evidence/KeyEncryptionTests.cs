using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Evidence;

/// <summary>The data-protection keys in the database are encrypted to the configured certificate, still
/// work (a sign-in and a token round trip), and Production refuses to start without a certificate.</summary>
public sealed class KeyEncryptionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_tokens_still_work()
    {
        var path = Path.Combine(Path.GetTempPath(), "chancery-keys-" + Guid.NewGuid().ToString("N")[..8] + ".pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Chancery data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "test-password"), Ct);
        }
        try
        {
            await using var app = new ChanceryAppFactory(TestProvider.Sqlite);
            app.Settings["DataProtection:CertificatePath"] = path;
            app.Settings["DataProtection:CertificatePassword"] = "test-password";
            var admin = await app.AdminClientAsync();
            (await admin.GetAsync("/api/v1/auth/me", Ct)).EnsureSuccessStatusCode();

            await using var scope = app.SystemScope();
            var keys = await scope.ServiceProvider.GetRequiredService<ChanceryDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);
            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(xml => xml.Contains("encryptedSecret") && !xml.Contains("<masterKey"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Production_without_a_certificate_refuses_to_start()
    {
        using var app = new ChanceryAppFactory(TestProvider.Sqlite);
        app.Settings["environment"] = "Production";

        var refusal = Should.Throw<Exception>(() => app.Server);

        refusal.ToString().ShouldContain("DataProtection:CertificatePath");
    }
}
