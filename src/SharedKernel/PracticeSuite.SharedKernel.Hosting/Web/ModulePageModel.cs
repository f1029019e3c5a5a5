using MediatR;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.SharedKernel.Hosting.Web;

/// <summary>
/// The base of modules' pages: a record the caller may not see is a plain 404, as in the API; a refused command becomes
/// messages on the page (a field's beside it, the rest at the top), never an error page.
/// </summary>
public abstract class ModulePageModel : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is NotFoundException && !executed.ExceptionHandled)
        {
            executed.ExceptionHandled = true;
            executed.Result = NotFound();
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/>; a refusal is put in the model state (field messages under <paramref name="prefix"/>,
    /// or all of them on <paramref name="errorsNextTo"/> when given) and the default is returned.
    /// </summary>
    protected async Task<(bool Done, TResult? Result)> TryAsync<TResult>(IMediator mediator, IRequest<TResult> request, CancellationToken cancellationToken, string prefix = "Input.", string? errorsNextTo = null)
    {
        try
        {
            return (true, await mediator.Send(request, cancellationToken));
        }
        catch (RequestValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(errorsNextTo ?? (field.Length == 0 ? "" : prefix + field), message);
                }
            }
        }
        catch (BusinessRuleException rule)
        {
            ModelState.AddModelError(errorsNextTo ?? "", rule.Message);
        }

        return (false, default);
    }

    /// <summary>
    /// On a page with several forms, only the posted form's fields (those under <paramref name="prefix"/>) are this
    /// request's: the others bind empty and must not refuse it. An empty prefix keeps nothing.
    /// </summary>
    protected void KeepOnlyFieldsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => prefix.Length == 0 || !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    /// <summary>The messages recorded against one key, for a section that shows its errors next to its buttons.</summary>
    public IReadOnlyList<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
}
