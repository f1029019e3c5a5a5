using System.Data.Common;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Clinic;

/// <summary>
/// The clinic's identity from memory: every page's top bar, every e-mail and every PDF asks for it. It is read over
/// ADO.NET (ADR 0009: the public pages build no EF model for it), kept for <see cref="Freshness"/> so that the other
/// nodes of a cluster see a manager's change within that time, and forgotten at once on the node that saved it.
/// The logo's bytes are read again only when its version changed.
/// </summary>
internal sealed class ClinicIdentityStore(PracticeDatabase database, IConfiguration configuration, TimeProvider time, ILogger<ClinicIdentityStore> logger) : IClinicIdentity
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private volatile Snapshot? _snapshot;

    public async Task<ClinicIdentity> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_snapshot is { } held && now - held.ReadAt < Freshness)
        {
            return held.Identity;
        }

        ClinicIdentity identity;
        try
        {
            identity = await ReadAsync(_snapshot?.Identity.Logo, cancellationToken);
        }
        catch (DbException exception)
        {
            // Every page's top bar asks, the error page's too: a database that does not answer must not take the
            // page down with it. The last identity read (or the default) stands in, and the next question asks again.
            logger.LogWarning(exception, "The clinic's identity could not be read; showing the last one known");
            return _snapshot?.Identity ?? Default();
        }

        _snapshot = new Snapshot(identity, now);
        return identity;
    }

    /// <summary>After a save: the next question reads the database again.</summary>
    public void Forget() => _snapshot = null;

    /// <summary>Before a manager has saved anything: <c>Clinic:Name</c> if configured, else <see cref="ClinicIdentity.DefaultName"/>.</summary>
    public ClinicIdentity Default() =>
        new(configuration["Clinic:Name"] is { } configured && !string.IsNullOrWhiteSpace(configured) ? configured.Trim() : ClinicIdentity.DefaultName,
            null, null, null, null, null, null);

    private async Task<ClinicIdentity> ReadAsync(ClinicLogo? heldLogo, CancellationToken cancellationToken)
    {
        var table = database.QualifiedTable(AccountsDbContext.ModuleName, ClinicIdentityRecord.Table);
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Name\", \"Address\", \"Phone\", \"TaxNumber\", \"SenderName\", \"SenderAddress\", \"LogoContentType\", \"LogoVersion\" FROM {table} WHERE \"Id\" = @id";
        command.AddParameter("@id", ClinicIdentityRecord.TheClinic);
        ClinicIdentity identity;
        string? logoType;
        int logoVersion;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return Default();
            }

            identity = new ClinicIdentity(reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), null);
            logoType = Text(reader, 6);
            logoVersion = Convert.ToInt32(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (logoType is null)
        {
            return identity;
        }

        if (heldLogo is not null && heldLogo.Version == logoVersion && heldLogo.ContentType == logoType)
        {
            return identity with { Logo = heldLogo };
        }

        await using var logoCommand = connection.CreateCommand();
        logoCommand.CommandText = $"SELECT \"Logo\" FROM {table} WHERE \"Id\" = @id";
        logoCommand.AddParameter("@id", ClinicIdentityRecord.TheClinic);
        return await logoCommand.ExecuteScalarAsync(cancellationToken) is byte[] content
            ? identity with { Logo = new ClinicLogo(content, logoType, logoVersion) }
            : identity;
    }

    private static string? Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal) is { Length: > 0 } text ? text : null;

    private sealed record Snapshot(ClinicIdentity Identity, DateTimeOffset ReadAt);
}
