using System.Globalization;
using FluentValidation;
using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Screening;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Consent;

/// <summary>The client signs the consent version they were shown, by typing their name; a copy is e-mailed to them (<see cref="ConsentCopy"/>).</summary>
/// <param name="Version">The version on screen: if the clinic published a newer one meanwhile, the client must read that first.</param>
internal sealed record SignConsent : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => new(ClientAudit.ConsentSigned, ClientAudit.Consent, Version.ToString(CultureInfo.InvariantCulture), ClientId);

    public Guid ClientId { get; init; }
    public int Version { get; init; }
    public string? TypedName { get; init; }

    /// <summary>The client ticked "I agree" beside the text they read.</summary>
    public bool Agreed { get; init; }
}

internal sealed class SignConsentValidator : AbstractValidator<SignConsent>
{
    public SignConsentValidator()
    {
        RuleFor(c => c.TypedName).NotEmpty().WithMessage("Type your full name to sign.").MaximumLength(200);
        RuleFor(c => c.Agreed).Equal(true).WithMessage("Tick “I agree” to sign.");
    }
}

internal sealed class SignConsentHandler(ClientsDbContext db, ClientAccess access, ClinicCalendar calendar, ICurrentUser user, ScreeningEvaluator screening,
    ConsentCopy copy)
    : IRequestHandler<SignConsent, Unit>
{
    public async Task<Unit> Handle(SignConsent request, CancellationToken cancellationToken)
    {
        // Only the client can consent for themself; staff cannot sign on their behalf.
        await access.EnsureSelfAsync(request.ClientId, orManager: false, cancellationToken);
        var current = await ConsentQueries.CurrentAsync(db, cancellationToken);
        if (request.Version != current.Version)
        {
            throw new BusinessRuleException("consent.changed", $"The consent text changed (now version {current.Version}); read it again before signing.");
        }

        var client = await access.GetAsync(request.ClientId, cancellationToken);
        if (!SignatureName.Matches(request.TypedName, client.GivenName, client.FamilyName))
        {
            throw RequestValidationException.For(nameof(SignConsent.TypedName),
                $"Type your own full name as the clinic has it: {client.GivenName} {client.FamilyName}. If it is wrong, ask the clinic to correct it.");
        }

        var signature = ConsentSignature.Sign(request.ClientId, current.Version, request.TypedName!, calendar.UtcNow, user.IpAddress);
        db.ConsentSignatures.Add(signature);
        await screening.PublishChangeAsync(request.ClientId, cancellationToken);
        // Queued in the signature's transaction: the client gets a copy exactly when the signature stands.
        await copy.QueueAsync(client, signature, current, cancellationToken);
        return Unit.Value;
    }
}
