using PracticeSuite.SharedKernel.Hosting.Persistence;
using Xunit;

namespace PracticeSuite.Platform.Tests;

public sealed class ModuleTableNamingTests
{
    [Fact]
    public void On_postgres_a_module_table_lives_in_the_modules_schema()
    {
        var naming = new ModuleTableNaming("Clients", DatabaseProvider.Postgres);

        Assert.Equal("clients", naming.Schema);
        Assert.Equal("client_search_terms", naming.Table("client_search_terms"));
        Assert.Equal("\"clients\".\"client_search_terms\"", naming.QualifiedTable("client_search_terms"));
        Assert.Equal("\"clients\".\"__migrations\"", naming.QualifiedHistoryTable);
    }

    [Fact]
    public void On_sqlite_a_module_table_carries_the_modules_prefix_and_no_schema()
    {
        var naming = new ModuleTableNaming("Clients", DatabaseProvider.Sqlite);

        Assert.Null(naming.Schema);
        Assert.Equal("clients_client_search_terms", naming.Table("client_search_terms"));
        Assert.Equal("\"clients_client_search_terms\"", naming.QualifiedTable("client_search_terms"));
        Assert.Equal("\"clients___migrations\"", naming.QualifiedHistoryTable);
    }
}
