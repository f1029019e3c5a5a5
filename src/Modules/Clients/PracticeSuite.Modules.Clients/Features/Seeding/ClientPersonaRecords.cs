using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Intakes;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Seeding;

/// <summary>
/// Client records for the standard personas: ClientA treated by TherapistA, ClientB by TherapistB, each with an
/// intake; ClientA's reports recent surgery, so it carries a flag awaiting physician clearance. Route values
/// <c>clientId</c> and <c>flagId</c> address ClientA's record and that flag. Seeding twice changes nothing.
/// </summary>
internal sealed class ClientPersonaRecords(ClientsDbContext db, ClinicCalendar calendar, IMediator mediator) : IPersonaRecords
{
    public const string ClientIdRouteValue = "clientId";
    public const string FlagIdRouteValue = "flagId";
    private const string ClientAScreeningYes = "recent-surgery";

    public async Task<IReadOnlyDictionary<string, string>> SeedAsync(Personas personas, CancellationToken cancellationToken)
    {
        await EnsureAsync(personas.ClientA, personas.TherapistA, new DateOnly(1984, 3, 14), cancellationToken);
        await EnsureAsync(personas.ClientB, personas.TherapistB, new DateOnly(1991, 9, 2), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var clientA = personas.ClientA.ClientId!.Value;
        await EnsureIntakeAsync(clientA, "Lower back pain after a house move.", ClientAScreeningYes, cancellationToken);
        await EnsureIntakeAsync(personas.ClientB.ClientId!.Value, "Tight neck and shoulders from desk work.", screeningYes: null, cancellationToken);
        var flagId = await db.Flags.AsNoTracking().Where(f => f.ClientId == clientA && f.QuestionKey == ClientAScreeningYes)
            .Select(f => f.Id).FirstAsync(cancellationToken);
        return new Dictionary<string, string>
        {
            [ClientIdRouteValue] = clientA.ToString(),
            [FlagIdRouteValue] = flagId.ToString(),
        };
    }

    /// <summary>Through the module's own command, so the flags come from the clinic's screening rules as for any intake.</summary>
    private async Task EnsureIntakeAsync(Guid clientId, string reason, string? screeningYes, CancellationToken cancellationToken)
    {
        if (await db.Intakes.AnyAsync(i => i.ClientId == clientId, cancellationToken))
        {
            return;
        }

        var yes = screeningYes is null ? null : new ScreeningAnswerInput { QuestionKey = screeningYes, Details = "Knee arthroscopy six weeks ago." };
        await mediator.Send(SubmitIntake.AnsweringNoExcept(clientId, yes) with
        {
            ReasonForVisit = reason,
            Goals = "Move without pain.",
            PreviousMassage = true,
        }, cancellationToken);
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
        record.SetCareTeam([therapistId], CareTeamEditor.Clinic);
        record.LinkPortalAccount(client.UserId);
        db.Clients.Add(record);
        db.EnqueueIntegrationEvent(new ClientRegistered(clientId));
    }
}
