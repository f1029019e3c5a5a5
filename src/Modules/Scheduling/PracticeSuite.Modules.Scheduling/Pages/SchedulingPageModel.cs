using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Scheduling.Pages;

/// <summary>
/// The base of the module's pages (see <see cref="ModulePageModel"/>), with who the caller is.
/// </summary>
[SchedulingRecordAccess]
public abstract class SchedulingPageModel : ModulePageModel
{
    /// <summary>Who the caller is, for what a page offers (the module's services stay internal, so pages take it here).</summary>
    private protected AppointmentAccess Access => HttpContext.RequestServices.GetRequiredService<AppointmentAccess>();

    public bool IsFrontDesk => Access.IsFrontDesk;
}

/// <summary>
/// On a page addressed by <c>{appointmentId}</c> or <c>{clientId}</c>, answers 404 before anything else runs — before
/// the antiforgery check and model binding — when the caller may not see that record, so a form post learns nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class SchedulingRecordAccessAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    // Antiforgery validation is an authorization filter of order 1000; this runs ahead of it.
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var values = context.RouteData.Values;
        var services = context.HttpContext.RequestServices;
        var cancellationToken = context.HttpContext.RequestAborted;
        try
        {
            if (values.TryGetValue("appointmentId", out var appointment) && Guid.TryParse(appointment?.ToString(), out var appointmentId))
            {
                await services.GetRequiredService<AppointmentAccess>().EnsureVisibleAsync(appointmentId, cancellationToken);
            }

            if (values.TryGetValue("clientId", out var client) && Guid.TryParse(client?.ToString(), out var clientId))
            {
                // The Clients module decides who sees a client: its access check answers "not found" for anyone else.
                _ = await services.GetRequiredService<IMediator>().Send(new GetClientSummary(clientId), cancellationToken);
            }
        }
        catch (NotFoundException)
        {
            context.Result = new NotFoundResult();
        }
    }
}
