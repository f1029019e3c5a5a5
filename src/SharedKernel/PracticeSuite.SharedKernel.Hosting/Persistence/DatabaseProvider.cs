namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>The database engines PracticeSuite runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file under the data directory: the default, for one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>ConnectionStrings:Practice</c>), for servers and clusters.</summary>
    Postgres,
}

public static class ProviderNames
{
    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static DatabaseProvider FromEfProviderName(string? efProviderName) => efProviderName switch
    {
        Sqlite => DatabaseProvider.Sqlite,
        Postgres => DatabaseProvider.Postgres,
        _ => throw new NotSupportedException($"Database provider '{efProviderName}' is not supported."),
    };
}
