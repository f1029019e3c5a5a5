using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Screening;

/// <summary>
/// The staff tasks a flag awaiting a physician's clearance creates on the platform's task list: one for each therapist
/// on the client's care team (the managers when the team is empty), due in <see cref="DueInDays"/> days, linking to the
/// flag's clearance page. They are done when a clearance is recorded on the flag or the flag is resolved. Sent in the
/// command's transaction (the platform's rows join it), with a key per flag and therapist, so a repeat creates none.
/// </summary>
internal sealed class ClearanceTasks(ClientsDbContext db, IMediator mediator, ClinicCalendar calendar)
{
    public const int DueInDays = 3;
    public const string Module = "Clients";
    private const int MaxNameInTitle = 120;

    public async Task AskForAsync(ScreeningFlag flag, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().Include(c => c.CareTeam).SingleAsync(c => c.Id == flag.ClientId, cancellationToken);
        var name = client.DisplayName.Length > MaxNameInTitle ? client.DisplayName[..MaxNameInTitle] + "…" : client.DisplayName;
        var about = new TaskSubject(Module, flag.Id.ToString(), name, $"/Clients/{client.Id}/Flags/{flag.Id}/Clearance", client.Id);
        var assignees = client.CareTeam.Count == 0
            ? [(TaskAssignee.Everyone(PracticeRole.Manager), "managers")]
            : client.CareTeam.OrderBy(m => m.Position).Select(m => (TaskAssignee.Therapist(m.TherapistId), m.TherapistId.ToString())).ToList();
        foreach (var (assignee, who) in assignees)
        {
            await mediator.Send(
                new CreateStaffTask($"Record the physician's clearance for {name}", null, assignee, calendar.Today.AddDays(DueInDays), about, $"clients.clearance.{flag.Id}.{who}"),
                cancellationToken);
        }
    }

    public Task DoneAsync(Guid flagId, CancellationToken cancellationToken) =>
        mediator.Send(new CompleteStaffTasksAbout(Module, flagId.ToString()), cancellationToken);
}
