using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Consent;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Screening;

/// <summary>Turns intake answers into flags through the clinic's rules, and works out eligibility.</summary>
internal sealed class ScreeningEvaluator(ClientsDbContext db, ClinicCalendar calendar, ClearanceTasks clearanceTasks)
{
    // Clearance flags this unit of work raised or resolved: their tasks are created or closed once the flags are saved.
    private readonly List<ScreeningFlag> _awaitingClearance = [];
    private readonly List<Guid> _noLongerAwaiting = [];

    /// <summary>
    /// Raises a flag for each "yes" whose rule is enabled, keeps (with its clearance) a flag the same answer
    /// raised before, and resolves flags whose answer is now "no". Absolute flags are for the day of the intake.
    /// </summary>
    public async Task ApplyAsync(Guid clientId, IntakeAnswers answers, int intakeVersion, CancellationToken cancellationToken)
    {
        var rules = await db.ScreeningRules.ToDictionaryAsync(r => r.QuestionKey, cancellationToken);
        var active = await db.Flags.Where(f => f.ClientId == clientId && f.ResolvedAt == null).ToListAsync(cancellationToken);
        var today = calendar.Today;
        var kept = new HashSet<Guid>();
        foreach (var answer in answers.Screening.Where(a => a.Yes))
        {
            if (!rules.TryGetValue(answer.QuestionKey, out var rule) || !rule.Enabled)
            {
                continue;
            }

            var day = rule.Kind == FlagKind.AbsoluteToday ? today : (DateOnly?)null;
            var existing = active.FirstOrDefault(f => f.QuestionKey == rule.QuestionKey && f.Kind == rule.Kind && f.Day == day);
            if (existing is not null)
            {
                existing.Confirm(rule, answer.BodyAreaCodes, intakeVersion);
                kept.Add(existing.Id);
            }
            else
            {
                var raised = ScreeningFlag.Raise(clientId, rule, answer.BodyAreaCodes, day, intakeVersion, calendar.UtcNow);
                db.Flags.Add(raised);
                if (raised.Kind == FlagKind.RequiresPhysicianClearance)
                {
                    _awaitingClearance.Add(raised);
                }
            }
        }

        foreach (var flag in active.Where(f => !kept.Contains(f.Id)))
        {
            flag.Resolve(calendar.UtcNow);
            if (flag.Kind == FlagKind.RequiresPhysicianClearance)
            {
                _noLongerAwaiting.Add(flag.Id);
            }
        }
    }

    /// <summary>Saves the pending changes (inside the command's transaction) and tells other modules eligibility may have changed.</summary>
    public async Task PublishChangeAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        foreach (var flag in _awaitingClearance)
        {
            await clearanceTasks.AskForAsync(flag, cancellationToken);
        }

        foreach (var flagId in _noLongerAwaiting)
        {
            await clearanceTasks.DoneAsync(flagId, cancellationToken);
        }

        _awaitingClearance.Clear();
        _noLongerAwaiting.Clear();
        var eligibility = await EvaluateAsync(clientId, cancellationToken);
        db.EnqueueIntegrationEvent(new ClientScreeningChanged(clientId, eligibility.MayStartPlan));
    }

    public async Task<IReadOnlyList<ScreeningFlag>> ActiveFlagsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var flags = await db.Flags.AsNoTracking().Where(f => f.ClientId == clientId && f.ResolvedAt == null)
            .OrderBy(f => f.RaisedAt).ToListAsync(cancellationToken);
        return flags.Where(f => !f.HasLapsed(today)).ToList();
    }

    /// <summary>Gathers what the rules need from the client's tables; <see cref="Eligibility"/> decides.</summary>
    public async Task<TreatmentEligibility> EvaluateAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId, cancellationToken);
        var hasIntake = await db.Intakes.AnyAsync(i => i.ClientId == clientId, cancellationToken);
        var consent = await ConsentQueries.StatusAsync(db, clientId, cancellationToken);
        var flags = await ActiveFlagsAsync(clientId, cancellationToken);
        return Eligibility.Evaluate(clientId, client.IsErased || client.IsArchived, hasIntake, consent.CurrentVersion, consent.SignedVersion, flags, calendar.Today);
    }
}
