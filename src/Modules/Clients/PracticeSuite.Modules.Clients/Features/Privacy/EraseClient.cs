using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Privacy;

/// <summary>
/// Erases a client on request (manager): personal and health data removed, the record kept as an anonymous
/// shell so other modules' records (e.g. invoices the law requires) still join; the portal account and
/// e-mail log go through the platform; other modules hear of it through the erased event. The bytes go too, not only
/// the rows: SQLite zeroes what is deleted or overwritten, and the write-ahead log is emptied once this commits (ADR 0018).
/// </summary>
internal sealed record EraseClient : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.RecordErased, ClientId);

    public Guid ClientId { get; init; }

    /// <summary>The manager ticked "I understand this cannot be undone".</summary>
    public bool Confirmed { get; init; }
}

internal sealed class EraseClientValidator : AbstractValidator<EraseClient>
{
    public EraseClientValidator()
    {
        RuleFor(c => c.Confirmed).Equal(true).WithMessage("Confirm that the client asked to be erased and that this cannot be undone.");
    }
}

internal sealed class EraseClientHandler(ClientsDbContext db, ClientAccess access, ClinicCalendar calendar, IAccounts accounts, IMediator mediator, ErasureCheckpoint checkpoint)
    : IRequestHandler<EraseClient, Unit>
{
    public async Task<Unit> Handle(EraseClient request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        if (client.IsErased)
        {
            throw new BusinessRuleException("client.erased", "This client was already erased.");
        }

        client.Erase(calendar.UtcNow);
        await db.Intakes.Where(i => i.ClientId == client.Id).ExecuteDeleteAsync(cancellationToken);
        await db.IntakeDrafts.Where(d => d.ClientId == client.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Flags.Where(f => f.ClientId == client.Id).ExecuteDeleteAsync(cancellationToken);
        foreach (var signature in await db.ConsentSignatures.Where(s => s.ClientId == client.Id).ToListAsync(cancellationToken))
        {
            signature.Anonymise();
        }

        db.EnqueueIntegrationEvent(new ClientErased(client.Id));
        await mediator.Send(new ForgetClientTasks(client.Id), cancellationToken); // their titles carry the client's name

        // Last, so a failure above leaves the account in place; the platform's erasure is idempotent, so a retry is safe.
        await accounts.EraseClientAccountAsync(client.Id, cancellationToken);
        checkpoint.AfterCommit(); // until then the -wal file still holds the pages from before the erasure
        return Unit.Value;
    }
}
