using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Intakes;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Seeding;

/// <summary>
/// Demo mode's sample clients: enough for the list to page and search, cared for by both demo therapists, about
/// half with an intake, some of which raise screening flags of each kind, and two archived. Everything goes
/// through the module's own commands, as a receptionist's entries would, so flags come from the clinic's rules.
/// Consent is left unsigned: only a client may sign it. A sample is added only when no client has its e-mail.
/// </summary>
internal sealed class ClientDemoRecords(ClientsDbContext db, ClinicCalendar calendar, IMediator mediator) : IDemoRecords
{
    public const string EmailDomain = "sample.practicesuite.local";

    private enum Team { TherapistA, TherapistB, Both }

    private sealed record Screening(string QuestionKey, string Details, params string[] BodyAreas);

    private sealed record SampleIntake(string Reason, string Goals, string[] Conditions, Screening? Yes = null);

    private sealed record Sample(
        string GivenName, string FamilyName, DateOnly DateOfBirth, string Phone, Team Team,
        PressurePreference Pressure = PressurePreference.NoPreference, SampleIntake? Intake = null, bool Archived = false)
    {
        public string Email => $"{GivenName}.{FamilyName}@{EmailDomain}".Replace(' ', '-').Replace("'", "").ToLowerInvariant();
    }

    private static readonly Sample[] Samples =
    [
        new("Amelia", "Hughes", new(1979, 4, 12), "07700 900101", Team.TherapistA, PressurePreference.Firm,
            new("Tension headaches most afternoons.", "Two headache-free weeks a month.", ["tension-headaches", "neck-pain"])),
        new("Oliver", "Patel", new(1986, 11, 3), "07700 900102", Team.TherapistB, PressurePreference.Medium,
            new("Lower back pain since starting to cycle to work.", "Ride without pain.", ["lower-back-pain"])),
        new("Grace", "O'Connor", new(1992, 7, 21), "07700 900103", Team.Both, PressurePreference.Light,
            new("Shoulder and neck tightness; 24 weeks pregnant.", "Sleep through the night.", ["neck-pain", "upper-back-pain"],
                new Screening("pregnancy", "24 weeks, midwife-led care."))),
        new("Mohammed", "Rahman", new(1968, 1, 30), "07700 900104", Team.TherapistA, PressurePreference.Medium,
            new("Aching calves after long shifts standing.", "Finish a shift without aching legs.", ["calf-cramps"],
                new Screening("varicose-veins", "Visible veins behind both knees.", "lower-leg-left", "lower-leg-right"))),
        new("Isla", "Campbell", new(2001, 5, 9), "07700 900105", Team.TherapistB, PressurePreference.Firm),
        new("Harry", "Williams", new(1955, 9, 17), "07700 900106", Team.TherapistA, PressurePreference.Light,
            new("Stiff upper back; takes warfarin.", "Turn his head to reverse the car.", ["upper-back-pain", "postural-imbalance"],
                new Screening("anticoagulants", "Warfarin since 2019."))),
        new("Sofia", "Rossi", new(1990, 2, 25), "07700 900107", Team.Both, PressurePreference.Medium,
            new("Wrist pain after a fall while running.", "Type for a full day.", ["repetitive-strain"],
                new Screening("recent-fracture", "Scaphoid fracture in August, cast removed.", "wrist-hand-right"))),
        new("Jack", "Thompson", new(1983, 12, 8), "07700 900108", Team.TherapistB),
        new("Priya", "Sharma", new(1975, 6, 14), "07700 900109", Team.TherapistA, PressurePreference.Medium,
            new("Jaw pain and clenching at night.", "Wake without a sore jaw.", ["jaw-tmj", "tension-headaches"])),
        new("Noah", "Davies", new(1998, 3, 2), "07700 900110", Team.TherapistB, PressurePreference.Firm,
            new("Outer knee pain on long runs.", "Run a half marathon in spring.", ["itb-friction", "knee-pain"])),
        new("Emily", "Clarke", new(1988, 8, 19), "07700 900111", Team.TherapistA),
        new("George", "Evans", new(1962, 10, 27), "07700 900112", Team.Both, PressurePreference.Light,
            new("Frozen shoulder, eight months.", "Reach the top shelf again.", ["frozen-shoulder"])),
        new("Chloe", "Nguyen", new(1995, 1, 11), "07700 900113", Team.TherapistB),
        new("Thomas", "Wright", new(1971, 4, 4), "07700 900114", Team.TherapistA, PressurePreference.Medium,
            new("Tingling into the right hand at the keyboard.", "Work a day without tingling.", ["carpal-tunnel-like", "neck-pain"])),
        new("Aisha", "Begum", new(1984, 9, 23), "07700 900115", Team.TherapistB, PressurePreference.Medium,
            new("Heel pain first thing in the morning.", "Walk the dog without heel pain.", ["plantar-fasciitis"])),
        new("William", "Murphy", new(1959, 12, 31), "07700 900116", Team.TherapistA),
        new("Lily", "Robinson", new(2003, 6, 6), "07700 900117", Team.TherapistB, PressurePreference.Firm),
        new("Daniel", "Kowalski", new(1980, 2, 14), "07700 900118", Team.Both, PressurePreference.Medium,
            new("Neck pain since a rear-end collision in June.", "Check blind spots without pain.", ["whiplash", "neck-pain"])),
        new("Hannah", "Lewis", new(1993, 11, 28), "07700 900119", Team.TherapistA),
        new("Samuel", "Okafor", new(1977, 7, 7), "07700 900120", Team.TherapistB, PressurePreference.Firm,
            new("Elbow pain from climbing.", "Climb twice a week again.", ["epicondylitis", "tendonitis"])),
        new("Ella", "Walker", new(1966, 3, 18), "07700 900121", Team.TherapistA, PressurePreference.Light),
        new("Lucas", "Martin", new(1999, 10, 10), "07700 900122", Team.TherapistB),
        new("Ruby", "Hall", new(1987, 5, 29), "07700 900123", Team.TherapistA, Archived: true),
        new("Arthur", "Green", new(1948, 8, 1), "07700 900124", Team.TherapistB, Archived: true),
    ];

    public async Task<int> SeedAsync(Personas personas, CancellationToken cancellationToken)
    {
        var therapistA = personas.TherapistA.TherapistId ?? throw new InvalidOperationException("The demo therapist A has no therapist id.");
        var therapistB = personas.TherapistB.TherapistId ?? throw new InvalidOperationException("The demo therapist B has no therapist id.");
        var domain = "@" + EmailDomain;
        var existing = (await db.Clients.AsNoTracking().Where(c => c.Email != null && c.Email.EndsWith(domain)).Select(c => c.Email!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var added = 0;
        foreach (var sample in Samples.Where(s => !existing.Contains(s.Email)))
        {
            var clientId = await mediator.Send(new RegisterClient
            {
                GivenName = sample.GivenName,
                FamilyName = sample.FamilyName,
                DateOfBirth = sample.DateOfBirth,
                Email = sample.Email,
                Phone = sample.Phone,
                TimeZone = calendar.TimeZoneId,
                PressurePreference = sample.Pressure,
                ConfirmedNotDuplicate = true,
            }, cancellationToken);
            await mediator.Send(new SetCareTeam
            {
                ClientId = clientId,
                TherapistIds = sample.Team switch
                {
                    Team.TherapistA => [therapistA],
                    Team.TherapistB => [therapistB],
                    _ => [therapistA, therapistB],
                },
            }, cancellationToken);
            if (sample.Intake is { } intake)
            {
                await mediator.Send(IntakeOf(clientId, intake), cancellationToken);
            }

            if (sample.Archived)
            {
                await mediator.Send(new ArchiveClient(clientId), cancellationToken);
            }

            added++;
        }

        return added;
    }

    private static SubmitIntake IntakeOf(Guid clientId, SampleIntake intake)
    {
        var yes = intake.Yes is { } answer
            ? new ScreeningAnswerInput { QuestionKey = answer.QuestionKey, Details = answer.Details, BodyAreas = [.. answer.BodyAreas] }
            : null;
        return SubmitIntake.AnsweringNoExcept(clientId, yes) with
        {
            ReasonForVisit = intake.Reason,
            Goals = intake.Goals,
            Conditions = [.. intake.Conditions],
            PreviousMassage = intake.Yes is null,
        };
    }
}
