using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.TreatmentPlans.Features.Reference;

internal sealed record PainZoneView(string Code, string Name, string BodyArea);

internal sealed record GetPainZones : IQuery<IReadOnlyList<PainZoneView>>;

internal sealed class GetPainZonesHandler : IRequestHandler<GetPainZones, IReadOnlyList<PainZoneView>>
{
    public Task<IReadOnlyList<PainZoneView>> Handle(GetPainZones request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PainZoneView>>(PainZones.All.Select(z => new PainZoneView(z.Code, z.Name, z.BodyAreaCode)).ToList());
}

/// <summary>The shipped muscles and the clinic's own, by region and name.</summary>
internal sealed record GetMuscleLibrary : IQuery<IReadOnlyList<Muscle>>;

internal sealed class GetMuscleLibraryHandler(MuscleCatalogue catalogue) : IRequestHandler<GetMuscleLibrary, IReadOnlyList<Muscle>>
{
    public Task<IReadOnlyList<Muscle>> Handle(GetMuscleLibrary request, CancellationToken cancellationToken) => catalogue.AllAsync(cancellationToken);
}

/// <summary>The library as one list: the shipped muscles and the clinic's additions.</summary>
internal sealed class MuscleCatalogue(TreatmentPlansDbContext db)
{
    public async Task<IReadOnlyList<Muscle>> AllAsync(CancellationToken cancellationToken)
    {
        var own = await db.ClinicMuscles.AsNoTracking().ToListAsync(cancellationToken);
        return MuscleLibrary.Shipped.Concat(own.Select(m => m.ToMuscle()))
            .OrderBy(m => MuscleLibrary.Regions.ToList().IndexOf(m.Region)).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<Muscle?> FindAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        return MuscleLibrary.Shipped.FirstOrDefault(m => m.Code == code)
            ?? (await db.ClinicMuscles.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code, cancellationToken))?.ToMuscle();
    }
}

/// <param name="Zones">Pain zone codes (<see cref="GetPainZones"/>).</param>
internal sealed record SuggestReferrals(IReadOnlyList<string> Zones) : IQuery<IReadOnlyList<ReferralSuggestionView>>;

/// <param name="MatchedZones">The zones given that the muscle's pattern covers.</param>
internal sealed record ReferralSuggestionView(string Muscle, string Name, string Region, bool Sided, IReadOnlyList<string> MatchedZones, bool PrimaryZoneMatched, string Reason, string Pattern, string Source);

internal sealed class SuggestReferralsValidator : AbstractValidator<SuggestReferrals>
{
    public const int MaxZones = 20;

    public SuggestReferralsValidator()
    {
        RuleFor(q => q.Zones).NotEmpty().WithMessage("Give at least one pain zone.")
            .Must(z => z.Count <= MaxZones).WithMessage($"Give at most {MaxZones} pain zones.");
        RuleForEach(q => q.Zones).Must(PainZones.IsKnown).WithMessage((_, code) => $"There is no pain zone '{code}'.");
    }
}

internal sealed class SuggestReferralsHandler(MuscleCatalogue catalogue) : IRequestHandler<SuggestReferrals, IReadOnlyList<ReferralSuggestionView>>
{
    public async Task<IReadOnlyList<ReferralSuggestionView>> Handle(SuggestReferrals request, CancellationToken cancellationToken)
    {
        var zones = request.Zones.Distinct(StringComparer.Ordinal).Select(code => PainZones.Find(code)!).ToList();
        var library = await catalogue.AllAsync(cancellationToken);
        return ReferralSuggestions.Suggest(library, zones).Select(s => new ReferralSuggestionView(
            s.Muscle.Code, s.Muscle.Name, s.Muscle.Region, s.Muscle.Sided, s.MatchedZones.Select(z => z.Code).ToList(), s.PrimaryMatched, s.Reason,
            s.Muscle.Pattern.Description, s.Muscle.Pattern.Source)).ToList();
    }
}

/// <summary>A manager adds a muscle to the clinic's library, with its referral pattern and source.</summary>
internal sealed record AddClinicMuscle : ICommand<string>
{
    public string? Name { get; init; }
    public string? Region { get; init; }
    public bool Sided { get; init; } = true;
    public IReadOnlyList<string> Sites { get; init; } = [];
    public string? PrimarySite { get; init; }
    public string? Description { get; init; }
    public string? Source { get; init; }
}

internal sealed class AddClinicMuscleValidator : AbstractValidator<AddClinicMuscle>
{
    public AddClinicMuscleValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the muscle's name.").MaximumLength(100);
        RuleFor(c => c.Region).NotEmpty().WithMessage("Choose the region.");
        RuleFor(c => c.Description).NotEmpty().WithMessage("Describe where the pain is referred, in words.").MaximumLength(TreatmentPlansDbContext.TextLength);
        RuleFor(c => c.Source).NotEmpty().WithMessage("Say where the pattern comes from (a book, a course, a paper).").MaximumLength(TreatmentPlansDbContext.NameLength);
        RuleFor(c => c.Sites).NotNull();
    }
}

internal sealed class AddClinicMuscleHandler(TreatmentPlansDbContext db, ClinicCalendar calendar) : IRequestHandler<AddClinicMuscle, string>
{
    public async Task<string> Handle(AddClinicMuscle request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        var muscle = ClinicMuscle.Create(name, request.Region!, request.Sided, request.Sites, request.PrimarySite, request.Description!.Trim(), request.Source!.Trim(),
            calendar.UtcNow);
        var taken = MuscleLibrary.Shipped.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            || await db.ClinicMuscles.AnyAsync(m => m.Code == muscle.Code, cancellationToken);
        if (taken)
        {
            throw RequestValidationException.For("Name", $"The library already has {name}.");
        }

        db.ClinicMuscles.Add(muscle);
        return muscle.Code;
    }
}
