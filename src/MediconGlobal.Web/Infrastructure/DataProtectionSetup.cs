using System.Security.Cryptography.X509Certificates;
using MediconGlobal.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Where the data-protection key ring (sign-in and antiforgery cookies) lives (ADR 1602):
/// <list type="bullet">
/// <item>by default in the portal's database (<c>DataProtectionKeys</c> table, <c>PersistKeysToDbContext</c>), so
/// every instance on one database shares the keys with no shared folder;</item>
/// <item>in a folder when <c>DataProtection:KeysPath</c> is set (relative to the content root);</item>
/// <item>encrypted at rest with a certificate when <c>DataProtection:CertificatePath</c> names a PKCS#12 file
/// (password in <c>DataProtection:CertificatePassword</c>); every instance needs the same certificate.</item>
/// </list>
/// The key location is read when the options are first used, so every configuration source applies.
/// New keys encrypt with AES-256-GCM (NIST SP 800-38D), authenticated encryption in one pass, instead of the default
/// AES-256-CBC with HMACSHA256: every request with a form or a sign-in cookie protects or unprotects a payload, and
/// GCM does it in about half the time (ADR 1213). Payloads made with an older key stay readable: each key names
/// its own algorithm.
/// </summary>
public static class DataProtectionSetup
{
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("MediconGlobal")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });

        // The certificate is read at start-up (it configures both encryption and decryption).
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ILoggerFactory, IServiceProvider>((options, settings, loggers, provider) =>
        {
            var keysPath = settings["DataProtection:KeysPath"];
            options.XmlRepository = string.IsNullOrWhiteSpace(keysPath)
                ? new EntityFrameworkCoreXmlRepository<AppDbContext>(provider, loggers)
                : new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(environment.ContentRootPath, keysPath)), loggers);
        });
        return services;
    }
}
