using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Features.Screening;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Clients.Pages.Clients.Settings;

public sealed class ScreeningRulesModel(IMediator mediator) : ClientsPageModel
{
    [BindProperty]
    public RulesForm Input { get; set; } = new();

    internal IReadOnlyList<ScreeningRuleView> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rules = await mediator.Send(new ListScreeningRules(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new ListScreeningRules(), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changed = await mediator.Send(new UpdateScreeningRules(Input.Rules
            .Select(r => new UpdateScreeningRule { QuestionKey = r.QuestionKey, Kind = r.Kind, Reason = r.Reason, Enabled = r.Enabled })
            .ToList()), cancellationToken);
        TempData.SetNotice(changed switch
        {
            0 => "Nothing had changed.",
            1 => "1 screening rule saved. It applies to intakes submitted from now on.",
            _ => $"{changed} screening rules saved. They apply to intakes submitted from now on.",
        });
        return RedirectToPage();
    }

    public sealed class RulesForm
    {
        public List<RuleForm> Rules { get; set; } = [];
    }

    public sealed class RuleForm
    {
        public string QuestionKey { get; set; } = "";
        public FlagKind? Kind { get; set; }
        public string? Reason { get; set; }
        public bool Enabled { get; set; }
    }
}
