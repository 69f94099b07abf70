namespace MediconGlobal.Testing.Web;

/// <summary>One portal (own SQLite file, reference data) shared by the tests of a class that only read or add their own rows.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public Task InitializeAsync()
    {
        Portal.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}
