using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Records;

/// <summary>Invites the client to the portal (an account linked to this record) by e-mail. Manager only.</summary>
internal sealed record InviteClientToPortal(Guid ClientId) : ICommand<string>, IClientRecordRequest, IAuditedRequest<string>
{
    public AuditSubject DescribeAudit(string _) => ClientAudit.OnRecord(ClientAudit.InvitedToPortal, ClientId);
}

internal sealed class InviteClientToPortalHandler(ClientAccess access, IAccounts accounts) : IRequestHandler<InviteClientToPortal, string>
{
    public async Task<string> Handle(InviteClientToPortal request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        if (client.IsErased || client.IsArchived)
        {
            throw new BusinessRuleException("client.inactive", "Restore the client before inviting them to the portal.");
        }

        if (client.Email is null)
        {
            throw new BusinessRuleException("client.no-email", "Add the client's e-mail address before inviting them to the portal.");
        }

        var userId = await accounts.InviteAsync(new AccountInvitation(client.Email, client.DisplayName, PracticeRole.Client, client.Id), cancellationToken);
        client.LinkPortalAccount(userId);
        return userId;
    }
}
