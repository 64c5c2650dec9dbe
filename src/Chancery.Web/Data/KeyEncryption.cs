using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Chancery.Web.Data;

/// <summary>The data-protection keys (which sign cookies, bearer and antiforgery tokens) live in the
/// database so that every instance shares them; whoever reads a backup or the table could forge a
/// session with them. With <c>DataProtection:CertificatePath</c> (a PKCS#12 file, its password in
/// <c>DataProtection:CertificatePassword</c>) each key is stored encrypted to that certificate, and every
/// instance given the same file can read it. In Production the app refuses to start without it, unless
/// <c>DataProtection:AllowUnencryptedKeys=true</c> says so on purpose (benchmarks, CI's throwaway runs).</summary>
public static class KeyEncryption
{
    public const string CertificatePath = "DataProtection:CertificatePath";
    public const string CertificatePassword = "DataProtection:CertificatePassword";
    public const string AllowUnencrypted = "DataProtection:AllowUnencryptedKeys";

    public static IDataProtectionBuilder EncryptKeysFromConfiguration(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var path = configuration[CertificatePath];
        if (string.IsNullOrWhiteSpace(path)) return builder;
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(DataLocation.Resolve(path), configuration[CertificatePassword]);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{CertificatePath} ({path}) holds no private key: the keys could be encrypted but never read back.");
        // The certificate is not in a store: decryption is told about it directly.
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    /// <summary>Refuses to serve in Production with keys stored in clear.</summary>
    public static void RequireInProduction(IHostEnvironment environment, IConfiguration configuration)
    {
        if (!environment.IsProduction() || !string.IsNullOrWhiteSpace(configuration[CertificatePath])
            || configuration.GetValue<bool>(AllowUnencrypted)) return;
        throw new InvalidOperationException(
            $"In Production the data-protection keys must be encrypted at rest: set {CertificatePath} (and {CertificatePassword}) "
            + $"to a PKCS#12 certificate shared by every instance, or {AllowUnencrypted}=true to run without (not for real data).");
    }
}
