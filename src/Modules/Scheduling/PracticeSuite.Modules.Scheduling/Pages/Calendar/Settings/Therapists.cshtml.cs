using MediatR;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Features.Therapists;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar.Settings;

/// <summary>The therapists, whether each may be booked and why not, and the credentials that need a manager's attention.</summary>
public sealed class TherapistsModel(IMediator mediator, ITherapistDirectory directory) : SchedulingPageModel
{
    public IReadOnlyList<TherapistProfileCard> Therapists { get; private set; } = [];

    /// <summary>Why each therapist who may not be booked may not.</summary>
    public IReadOnlyDictionary<Guid, string> Reasons { get; private set; } = new Dictionary<Guid, string>();

    internal IReadOnlyList<CredentialWarning> Warnings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Deactivated therapists too (unlike the public page): a manager reactivates them from Staff.
        Therapists = await mediator.Send(new GetTherapistProfiles(IncludeDeactivated: true), cancellationToken);
        Reasons = (await directory.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.NotBookableReason ?? "");
        Warnings = await mediator.Send(new GetCredentialWarnings(), cancellationToken);
    }
}
