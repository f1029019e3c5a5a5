using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Application;

/// <summary>
/// Client records for the standard personas: ClientA treated by TherapistA, ClientB by TherapistB. Route value
/// <c>clientId</c> addresses ClientA's record. Seeding twice changes nothing.
/// </summary>
public sealed class ClientPersonaRecords(ClientsDbContext db, ClinicCalendar calendar) : IPersonaRecords
{
    public const string ClientIdRouteValue = "clientId";

    public async Task<IReadOnlyDictionary<string, string>> SeedAsync(Personas personas, CancellationToken cancellationToken)
    {
        await EnsureAsync(personas.ClientA, personas.TherapistA, new DateOnly(1984, 3, 14), cancellationToken);
        await EnsureAsync(personas.ClientB, personas.TherapistB, new DateOnly(1991, 9, 2), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new Dictionary<string, string> { [ClientIdRouteValue] = personas.ClientA.ClientId!.Value.ToString() };
    }

    private async Task EnsureAsync(PersonaAccount client, PersonaAccount therapist, DateOnly dateOfBirth, CancellationToken cancellationToken)
    {
        var clientId = client.ClientId ?? throw new InvalidOperationException($"Persona {client.Email} has no client id.");
        var therapistId = therapist.TherapistId ?? throw new InvalidOperationException($"Persona {therapist.Email} has no therapist id.");
        if (await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return;
        }

        var names = client.DisplayName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var details = new ClientDetails(
            names.Length > 0 ? names[0] : client.DisplayName,
            names.Length > 1 ? names[1] : "Client",
            dateOfBirth,
            client.Email,
            null,
            null,
            null,
            null,
            calendar.TimeZoneId,
            PressurePreference.NoPreference,
            null);
        var record = Client.Register(clientId, details, calendar.UtcNow);
        record.SetCareTeam([therapistId]);
        record.LinkPortalAccount(client.UserId);
        db.Clients.Add(record);
        db.EnqueueIntegrationEvent(new ClientRegistered(clientId));
    }
}
