using MediconGlobal.Core.Privacy;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Tests.Privacy;

/// <summary>
/// The cell-key secret (ADR 1801) is a secret: outside Development there is no default, and the portal refuses
/// to start without a usable one rather than publish figures it cannot protect.
/// </summary>
public sealed class CellKeySecretTests
{
    [Theory]
    [InlineData("Production", null)]
    [InlineData("Testing", "")]
    [InlineData("Production", "not base64!")]
    [InlineData("Production", "YSBjZWxsLWtleSBzZWNyZXQgb2YgMzEgYnl0ZXMuLg==")] // 31 bytes
    public async Task Start_WithoutAUsableSecret_Fails_NamingTheSetting(string environment, string? secret)
    {
        await using var portal = new PortalFactory(environment, settings: new Dictionary<string, string?> { ["Privacy:CellKeySecret"] = secret });

        var failure = Assert.Throws<OptionsValidationException>(() => portal.CreatePortalClient());

        Assert.Contains("Privacy:CellKeySecret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheDevelopmentSettings_HoldASecret()
    {
        static PrivacyOptions Read(params string[] files)
        {
            var builder = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory);
            foreach (var file in files)
            {
                builder.AddJsonFile(file, optional: false);
            }

            return builder.Build().GetSection(PrivacyOptions.SectionName).Get<PrivacyOptions>() ?? new PrivacyOptions();
        }

        Assert.Null(Read("appsettings.json").CellKeySecret);
        Assert.NotNull(Read("appsettings.json", "appsettings.Development.json").SecretBytes());
    }
}
