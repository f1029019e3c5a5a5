using FluentValidation;
using MediatR;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Consent;

/// <summary>Publishes a new version of the consent text (manager). Every client must sign it again before treatment.</summary>
internal sealed record PublishConsentText(string? Text) : ICommand<int>, IAuditedRequest<int>
{
    public AuditSubject DescribeAudit(int version) =>
        new(ClientAudit.ConsentTextPublished, ClientAudit.ConsentText, version.ToString(CultureInfo.InvariantCulture), ClientId: null);
}

internal sealed class PublishConsentTextValidator : AbstractValidator<PublishConsentText>
{
    public PublishConsentTextValidator()
    {
        RuleFor(c => c.Text).NotEmpty().WithMessage("Enter the consent text.").MaximumLength(20_000);
    }
}

internal sealed class PublishConsentTextHandler(ClientsDbContext db, ClinicCalendar calendar, ICurrentUser user) : IRequestHandler<PublishConsentText, int>
{
    public async Task<int> Handle(PublishConsentText request, CancellationToken cancellationToken)
    {
        var current = await ConsentQueries.CurrentAsync(db, cancellationToken);
        var text = request.Text!.Trim();
        if (text == current.Text)
        {
            throw new BusinessRuleException("consent.unchanged", "The text is the same as the current version; nothing to publish.");
        }

        var version = current.Version + 1;
        db.ConsentTexts.Add(new ConsentTextVersion(version, text, calendar.UtcNow, user.UserId));

        // Everyone who had signed is no longer eligible until they sign again: tell the other modules.
        var signedClients = await db.ConsentSignatures.Select(s => s.ClientId).Distinct().ToListAsync(cancellationToken);
        foreach (var clientId in signedClients)
        {
            db.EnqueueIntegrationEvent(new ClientScreeningChanged(clientId, MayStartPlan: false));
        }

        return version;
    }
}
