using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Intakes;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.Clients.Pages;

/// <summary>
/// The base of the module's pages: a record the caller may not see (or that does not exist) is a plain 404
/// page, exactly as in the API, so a page never reveals that someone else's record exists.
/// </summary>
[ClientRecordAccess]
public abstract class ClientsPageModel : PageModel
{
    /// <summary>The caller's record-level access, for what a page shows (the module's services stay internal, so pages take it here).</summary>
    private protected ClientAccess Access => HttpContext.RequestServices.GetRequiredService<ClientAccess>();

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
    /// The personal-details fields a page binds (registration, staff edits, the client's own profile; see
    /// <c>_DetailsFields</c>). Pages bind their own input and map it to the module's commands, which stay internal.
    /// </summary>
    public class DetailsForm
    {
        public string GivenName { get; set; } = "";
        public string FamilyName { get; set; } = "";
        public DateOnly? DateOfBirth { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Address { get; set; }
        public string? EmergencyContactName { get; set; }
        public string? EmergencyContactPhone { get; set; }
        public string TimeZone { get; set; } = "";

        /// <summary>The name of a pressure preference; one the module does not know is refused by the command's validation.</summary>
        public string? PressurePreference { get; set; }

        public string? PainThresholdNotes { get; set; }

        internal PressurePreference Pressure =>
            Enum.TryParse<PressurePreference>(PressurePreference, ignoreCase: false, out var pressure) && Enum.IsDefined(pressure)
                ? pressure
                : string.IsNullOrEmpty(PressurePreference) ? default : (PressurePreference)(-1);

        internal void Load(ClientRecord record)
        {
            GivenName = record.GivenName;
            FamilyName = record.FamilyName;
            DateOfBirth = record.DateOfBirth;
            Email = record.Email;
            Phone = record.Phone;
            Address = record.Address;
            EmergencyContactName = record.EmergencyContactName;
            EmergencyContactPhone = record.EmergencyContactPhone;
            TimeZone = record.TimeZone;
            PressurePreference = record.PressurePreference.ToString();
            PainThresholdNotes = record.PainThresholdNotes;
        }

        internal UpdateClientDetails ToUpdate(Guid clientId) => new()
        {
            ClientId = clientId,
            GivenName = GivenName,
            FamilyName = FamilyName,
            DateOfBirth = DateOfBirth,
            Email = Email,
            Phone = Phone,
            Address = Address,
            EmergencyContactName = EmergencyContactName,
            EmergencyContactPhone = EmergencyContactPhone,
            TimeZone = TimeZone,
            PressurePreference = Pressure,
            PainThresholdNotes = PainThresholdNotes,
        };
    }

    /// <summary>The health-history questionnaire a page binds (see <c>_IntakeFields</c>), mapped to <see cref="SubmitIntake"/>.</summary>
    public sealed class IntakeForm
    {
        public string? ReasonForVisit { get; set; }
        public string? Goals { get; set; }
        public List<string> Conditions { get; set; } = [];
        public string? OtherConditions { get; set; }
        public List<ScreeningAnswerForm> Screening { get; set; } = [];
        public string? Medications { get; set; }
        public List<SurgeryOrInjuryForm> SurgeriesAndInjuries { get; set; } = [];
        public string? Allergies { get; set; }
        public bool? PreviousMassage { get; set; }
        public string? PreviousMassageDetails { get; set; }

        internal static IntakeForm Of(SubmitIntake intake) => new()
        {
            ReasonForVisit = intake.ReasonForVisit,
            Goals = intake.Goals,
            Conditions = intake.Conditions.ToList(),
            OtherConditions = intake.OtherConditions,
            Screening = intake.Screening.Select(a => new ScreeningAnswerForm { QuestionKey = a.QuestionKey, Answer = a.Answer, BodyAreas = a.BodyAreas.ToList(), Details = a.Details }).ToList(),
            Medications = intake.Medications,
            SurgeriesAndInjuries = intake.SurgeriesAndInjuries.Select(s => new SurgeryOrInjuryForm { Description = s.Description, Date = s.Date }).ToList(),
            Allergies = intake.Allergies,
            PreviousMassage = intake.PreviousMassage,
            PreviousMassageDetails = intake.PreviousMassageDetails,
        };

        internal SubmitIntake ToCommand(Guid clientId) => new()
        {
            ClientId = clientId,
            ReasonForVisit = ReasonForVisit,
            Goals = Goals,
            Conditions = Conditions.ToList(),
            OtherConditions = OtherConditions,
            Screening = Screening.Select(a => new ScreeningAnswerInput { QuestionKey = a.QuestionKey, Answer = a.Answer, BodyAreas = a.BodyAreas.ToList(), Details = a.Details }).ToList(),
            Medications = Medications,
            SurgeriesAndInjuries = SurgeriesAndInjuries.Select(s => new SurgeryOrInjuryInput { Description = s.Description, Date = s.Date }).ToList(),
            Allergies = Allergies,
            PreviousMassage = PreviousMassage,
            PreviousMassageDetails = PreviousMassageDetails,
        };
    }

    public sealed class ScreeningAnswerForm
    {
        public string QuestionKey { get; set; } = "";
        public bool? Answer { get; set; }
        public List<string> BodyAreas { get; set; } = [];
        public string? Details { get; set; }
    }

    public sealed class SurgeryOrInjuryForm
    {
        public string? Description { get; set; }
        public DateOnly? Date { get; set; }
    }
}

/// <summary>
/// On a page addressed by <c>{clientId}</c>, answers 404 before anything else runs — before the antiforgery
/// check and model binding — when the caller may not see that client, so a form post learns nothing either.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class ClientRecordAccessAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string RouteValue = "clientId";

    // Antiforgery validation is an authorization filter of order 1000; this runs ahead of it.
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.RouteData.Values.TryGetValue(RouteValue, out var value) && Guid.TryParse(value?.ToString(), out var clientId))
        {
            var access = context.HttpContext.RequestServices.GetRequiredService<ClientAccess>();
            try
            {
                await access.EnsureVisibleAsync(clientId, context.HttpContext.RequestAborted);
            }
            catch (NotFoundException)
            {
                context.Result = new NotFoundResult();
            }
        }
    }
}
