using FluentValidation;
using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Validation;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Records;

internal sealed record ContactPreferenceInput(ContactKind Kind, ContactChannel Channel, bool Allowed);

internal sealed record UpdateContactPreferences : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.ContactPreferencesUpdated, ClientId);

    public Guid ClientId { get; init; }
    public List<ContactPreferenceInput> Preferences { get; init; } = [];
}

internal sealed class UpdateContactPreferencesValidator : AbstractValidator<UpdateContactPreferences>
{
    public UpdateContactPreferencesValidator()
    {
        RuleFor(c => c.Preferences).BoundedList();
        RuleForEach(c => c.Preferences).NotNull().WithMessage("A contact preference cannot be null.").ChildRules(p =>
        {
            p.RuleFor(x => x.Kind).IsInEnum().WithMessage("Unknown kind of message.");
            p.RuleFor(x => x.Channel).IsInEnum().WithMessage("Unknown channel.");
        });
        RuleFor(c => c.Preferences)
            .Must(list => list.Where(p => p is not null).Select(p => (p.Kind, p.Channel)).Distinct().Count() == list.Count(p => p is not null))
            .WithMessage("Each kind and channel may appear only once.")
            .When(c => c.Preferences is not null);
    }
}

internal sealed class UpdateContactPreferencesHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<UpdateContactPreferences, Unit>
{
    public async Task<Unit> Handle(UpdateContactPreferences request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        foreach (var preference in request.Preferences)
        {
            client.SetContactPreference(preference.Kind, preference.Channel, preference.Allowed);
        }

        db.EnqueueIntegrationEvent(new ClientDetailsChanged(client.Id));
        return Unit.Value;
    }
}
