using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Features.Search;

/// <summary>
/// The Clients module's counts on the staff home page: current clients without an intake, yet to sign the current
/// consent, or with a flag awaiting clearance. Among the clients the caller may see (<see cref="ClientAccess"/>): the
/// whole clinic for a manager and reception, a therapist's care team for a therapist ("my clients needing
/// attention"). One count query each; each links to the client list filtered to exactly those clients.
/// </summary>
internal sealed class ClientsDashboard(ClientsDbContext db, ClientAccess access) : IHomeDashboardContributor
{
    public async Task<IReadOnlyList<DashboardCount>> CountsAsync(CancellationToken cancellationToken)
    {
        if (!access.IsStaff)
        {
            return [];
        }

        var counts = new List<DashboardCount>();
        foreach (var (need, order) in new[] { (ClientNeed.Intake, 100), (ClientNeed.Consent, 110), (ClientNeed.Clearance, 120) })
        {
            var count = await access.Visible().Having(need, db).CountAsync(cancellationToken);
            counts.Add(new DashboardCount(ClientNeeds.Describe(need), count, "/Clients?needs=" + ClientNeeds.Word(need), order));
        }

        return counts;
    }
}
