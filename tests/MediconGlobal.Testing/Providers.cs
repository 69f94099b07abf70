using MediconGlobal.Core.Data;

namespace MediconGlobal.Testing;

/// <summary>Theory data: run a data-layer test on both real databases.</summary>
public sealed class BothProviders : TheoryData<DatabaseProvider>
{
    public BothProviders()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}
