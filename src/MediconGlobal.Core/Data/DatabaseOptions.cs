namespace MediconGlobal.Core.Data;

/// <summary>The <c>Database</c> configuration section: which provider and where.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=App_Data/mediconglobal.db";

    /// <summary>Apply pending migrations when the portal starts. Turn off when a deployment step migrates.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
