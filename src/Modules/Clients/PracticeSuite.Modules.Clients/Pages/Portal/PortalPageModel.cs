using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Pages.Portal;

/// <summary>A portal page: always about the signed-in client's own record, never one named in the address.</summary>
public abstract class PortalPageModel(ICurrentUser user) : ClientsPageModel
{
    protected Guid OwnClientId => user.ClientId ?? throw new NotFoundException("Client", "(no client record linked to this account)");
}
