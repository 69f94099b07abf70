namespace MediconGlobal.Testing;

/// <summary>The repository's checkout, for tests that read the source (views, code) rather than run it.</summary>
public static class SourceTree
{
    /// <summary>The folder holding <c>MediconGlobal.sln</c>, found upwards from the test assembly; throws when there is none.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MediconGlobal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MediconGlobal.sln not found above " + AppContext.BaseDirectory);
    }
}
