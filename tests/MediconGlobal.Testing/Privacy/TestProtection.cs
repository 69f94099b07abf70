using MediconGlobal.Core.Privacy;

namespace MediconGlobal.Testing.Privacy;

/// <summary>The cell-key secret the tests use (the web tests configure the portal with it too), and a protection built from it.</summary>
public static class TestProtection
{
    /// <summary>Base64 of a fixed test-only phrase of more than 32 bytes.</summary>
    public const string Secret = "TWVkaWNvbkdsb2JhbCB0ZXN0LW9ubHkgY2VsbC1rZXkgc2VjcmV0LCBmaXhlZA==";

    public static readonly SmallCellProtection Instance = new(Convert.FromBase64String(Secret));
}
