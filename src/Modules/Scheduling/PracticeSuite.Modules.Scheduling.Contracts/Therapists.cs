using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Scheduling.Contracts;

/// <summary>
/// The therapists as the public booking page presents them: name, biography and photo, and whether they can be booked
/// now. Open to anyone (nothing in it is private); a photo is served at <see cref="TherapistProfileCard.PhotoPath"/>.
/// A therapist whose account a manager deactivated is left out unless <paramref name="IncludeDeactivated"/>.
/// </summary>
public sealed record GetTherapistProfiles(bool IncludeDeactivated = false) : IQuery<IReadOnlyList<TherapistProfileCard>>;

/// <param name="PhotoPath">The photo's address on this site, changing when the photo does; null when there is none.</param>
public sealed record TherapistProfileCard(Guid TherapistId, string DisplayName, string Bio, string? PhotoPath, bool MayBeBooked);
