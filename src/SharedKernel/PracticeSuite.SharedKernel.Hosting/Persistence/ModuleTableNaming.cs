namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>
/// Where a module's tables live: in a schema named after the module on PostgreSQL, and behind a
/// <c>&lt;module&gt;_</c> prefix on SQLite, which has no schemas. Both the EF model and the hand-written
/// migrations take their names from here, so they cannot disagree.
/// </summary>
public sealed record ModuleTableNaming(string ModuleName, DatabaseProvider Provider)
{
    /// <summary>The lower-case module name: the PostgreSQL schema and the SQLite prefix.</summary>
    public string Key { get; } = ModuleName.ToLowerInvariant();

    /// <summary>The schema to put tables in, or null where the provider has none.</summary>
    public string? Schema => Provider == DatabaseProvider.Postgres ? Key : null;

    /// <summary>The table name for a module-local name such as <c>visits</c>.</summary>
    public string Table(string name) => Provider == DatabaseProvider.Postgres ? name : $"{Key}_{name}";

    /// <summary>Each module keeps its own migration history, so two modules' migrations never collide.</summary>
    public string HistoryTable => Table("__migrations");

    /// <summary>
    /// The quoted, schema-qualified name of a module-local table, for the few statements written as SQL
    /// (both providers accept double-quoted identifiers).
    /// </summary>
    public string QualifiedTable(string name) => Qualify(Table(name));

    /// <summary>The quoted, schema-qualified name of the module's migration history table.</summary>
    public string QualifiedHistoryTable => Qualify(HistoryTable);

    private string Qualify(string table) => Schema is { } schema ? $"\"{schema}\".\"{table}\"" : $"\"{table}\"";

    public static ModuleTableNaming For(string moduleName, string? efProviderName) =>
        new(moduleName, ProviderNames.FromEfProviderName(efProviderName));
}
