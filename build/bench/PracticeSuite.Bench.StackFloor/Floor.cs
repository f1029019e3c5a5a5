using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PracticeSuite.Bench.StackFloor;

public sealed class Note
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}

public sealed class FloorDbContext(DbContextOptions<FloorDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
}

public sealed class FloorAccountsDbContext(DbContextOptions<FloorAccountsDbContext> options) : IdentityDbContext(options);

public sealed record CountNotes : IRequest<int>;

public sealed class CountNotesHandler(FloorDbContext db) : IRequestHandler<CountNotes, int>
{
    public Task<int> Handle(CountNotes request, CancellationToken cancellationToken) => db.Notes.CountAsync(cancellationToken);
}

/// <summary>Like the host's: a round trip to the database, so /health really reaches it.</summary>
public sealed class DatabaseCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}

public sealed class TickJob
{
    public Task RunAsync() => Task.CompletedTask;
}
