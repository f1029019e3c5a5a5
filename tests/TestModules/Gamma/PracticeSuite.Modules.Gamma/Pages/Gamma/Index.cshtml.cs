using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Alpha.Contracts;
using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Modules.Gamma.Pages.Gamma;

/// <summary>Shows Alpha's part only when Alpha is enabled: Alpha is Gamma's optional collaborator.</summary>
public sealed class IndexModel(GammaDbContext db, IMediator mediator, IModuleCatalog modules) : PageModel
{
    public int Receipts { get; private set; }

    public int? AlphaVisits { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Receipts = await db.Receipts.CountAsync(cancellationToken);
        if (modules.IsEnabled("Alpha"))
        {
            AlphaVisits = await mediator.Send(new CountVisits(), cancellationToken);
        }
    }
}
