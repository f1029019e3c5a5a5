using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Application;

public static class ConsentQueries
{
    public static async Task<ConsentTextVersion> CurrentAsync(ClientsDbContext db, CancellationToken cancellationToken) =>
        await db.ConsentTexts.AsNoTracking().OrderByDescending(t => t.Version).FirstAsync(cancellationToken);

    public static async Task<ConsentStatus> StatusAsync(ClientsDbContext db, Guid clientId, CancellationToken cancellationToken)
    {
        var current = await db.ConsentTexts.MaxAsync(t => t.Version, cancellationToken);
        var latest = await db.ConsentSignatures.AsNoTracking().Where(s => s.ClientId == clientId)
            .OrderByDescending(s => s.ConsentVersion).ThenByDescending(s => s.SignedAt)
            .Select(s => new { s.ConsentVersion, s.SignedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return new ConsentStatus(current, latest?.ConsentVersion, latest?.SignedAt);
    }
}

public sealed record ConsentText(int Version, string Text, DateTime PublishedAt);

public sealed record GetConsentText : IQuery<ConsentText>;

public sealed class GetConsentTextHandler(ClientsDbContext db) : IRequestHandler<GetConsentText, ConsentText>
{
    public async Task<ConsentText> Handle(GetConsentText request, CancellationToken cancellationToken)
    {
        var current = await ConsentQueries.CurrentAsync(db, cancellationToken);
        return new ConsentText(current.Version, current.Text, current.PublishedAt);
    }
}

/// <summary>Publishes a new version of the consent text (manager). Every client must sign it again before treatment.</summary>
public sealed record PublishConsentText(string? Text) : ICommand<int>;

public sealed class PublishConsentTextValidator : AbstractValidator<PublishConsentText>
{
    public PublishConsentTextValidator()
    {
        RuleFor(c => c.Text).NotEmpty().WithMessage("Enter the consent text.").MaximumLength(20_000);
    }
}

public sealed class PublishConsentTextHandler(ClientsDbContext db, ClinicCalendar calendar, ICurrentUser user) : IRequestHandler<PublishConsentText, int>
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

/// <summary>The client signs the consent version they were shown, by typing their name.</summary>
/// <param name="Version">The version on screen: if the clinic published a newer one meanwhile, the client must read that first.</param>
public sealed record SignConsent : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => new(ClientAudit.ConsentSigned, ClientAudit.Consent, Version.ToString(CultureInfo.InvariantCulture), ClientId);

    public Guid ClientId { get; init; }
    public int Version { get; init; }
    public string? TypedName { get; init; }
}

public sealed class SignConsentValidator : AbstractValidator<SignConsent>
{
    public SignConsentValidator()
    {
        RuleFor(c => c.TypedName).NotEmpty().WithMessage("Type your full name to sign.").MaximumLength(200);
    }
}

public sealed class SignConsentHandler(ClientsDbContext db, ClientAccess access, ClinicCalendar calendar, ICurrentUser user, ScreeningEvaluator screening)
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

        var signature = ConsentSignature.Sign(request.ClientId, current.Version, request.TypedName!, calendar.UtcNow, user.IpAddress);
        db.ConsentSignatures.Add(signature);
        await screening.PublishChangeAsync(request.ClientId, cancellationToken);
        return Unit.Value;
    }
}

public sealed record GetConsentStatus(Guid ClientId) : IQuery<ConsentStatus>, IClientRecordRequest;

public sealed class GetConsentStatusHandler(ClientsDbContext db) : IRequestHandler<GetConsentStatus, ConsentStatus>
{
    public async Task<ConsentStatus> Handle(GetConsentStatus request, CancellationToken cancellationToken)
    {
        return await ConsentQueries.StatusAsync(db, request.ClientId, cancellationToken);
    }
}
