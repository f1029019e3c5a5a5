using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Modules.TreatmentPlans.Application;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.TreatmentPlans.Pages;

/// <summary>The base of the module's pages (see <see cref="ModulePageModel"/>); records are checked before anything runs.</summary>
[ClinicalRecordAccess]
public abstract class TreatmentPlansPageModel : ModulePageModel;

/// <summary>
/// On a page addressed by <c>{clientId}</c>, <c>{assessmentId}</c>, <c>{planId}</c>, <c>{noteId}</c> or <c>{appointmentId}</c>, answers 404 before the antiforgery
/// check and model binding when the caller may not see that record (reception, or a therapist off the care team).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class ClinicalRecordAccessAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    // Antiforgery validation is an authorization filter of order 1000; this runs ahead of it.
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var values = context.RouteData.Values;
        var access = context.HttpContext.RequestServices.GetRequiredService<ClinicalAccess>();
        var cancellationToken = context.HttpContext.RequestAborted;
        try
        {
            if (Id(values, "clientId") is { } clientId)
            {
                await access.EnsureClientAsync(clientId, cancellationToken);
            }

            if (Id(values, "assessmentId") is { } assessmentId)
            {
                await access.EnsureAssessmentAsync(assessmentId, cancellationToken);
            }

            if (Id(values, "planId") is { } planId)
            {
                await access.EnsurePlanAsync(planId, cancellationToken);
            }

            if (Id(values, "noteId") is { } noteId)
            {
                await access.EnsureNoteAsync(noteId, cancellationToken);
            }

            if (Id(values, "appointmentId") is { } appointmentId)
            {
                // Scheduling decides who sees an appointment (a therapist their own); this module adds "clinicians only".
                if (!access.IsClinician)
                {
                    throw new NotFoundException("Appointment", appointmentId);
                }

                _ = await context.HttpContext.RequestServices.GetRequiredService<MediatR.IMediator>()
                    .Send(new PracticeSuite.Modules.Scheduling.Contracts.GetAppointment(appointmentId), cancellationToken);
            }
        }
        catch (NotFoundException)
        {
            context.Result = new NotFoundResult();
        }
    }

    private static Guid? Id(Microsoft.AspNetCore.Routing.RouteValueDictionary values, string key) =>
        values.TryGetValue(key, out var value) && Guid.TryParse(value?.ToString(), out var id) ? id : null;
}
