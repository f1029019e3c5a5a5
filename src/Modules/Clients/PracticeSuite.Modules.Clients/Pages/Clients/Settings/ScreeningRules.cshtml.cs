using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Features.Screening;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Clients.Pages.Clients.Settings;

public sealed class ScreeningRulesModel(IMediator mediator) : ClientsPageModel
{
    [BindProperty]
    public RuleForm Input { get; set; } = new();

    internal IReadOnlyList<ScreeningRuleView> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rules = await mediator.Send(new ListScreeningRules(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new ListScreeningRules(), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(new UpdateScreeningRule { QuestionKey = Input.QuestionKey, Kind = Input.Kind, Reason = Input.Reason, Enabled = Input.Enabled }, cancellationToken);
        TempData.SetNotice("Screening rules saved.");
        return RedirectToPage();
    }

    public sealed class RuleForm
    {
        public string QuestionKey { get; set; } = "";
        public FlagKind? Kind { get; set; }
        public string? Reason { get; set; }
        public bool Enabled { get; set; } = true;
    }
}
