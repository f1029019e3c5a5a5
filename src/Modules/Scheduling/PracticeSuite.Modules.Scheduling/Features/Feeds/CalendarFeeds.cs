using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Feeds;

/// <summary>Makes the caller a new calendar feed link, revoking the one they had. The answer holds the token, shown once.</summary>
internal sealed record CreateCalendarFeedLink : ICommand<NewCalendarFeedLink>;

internal sealed record NewCalendarFeedLink(string Token, DateTime CreatedAt)
{
    /// <summary>The feed's address relative to the site: <c>/calendar/{token}.ics</c>.</summary>
    public string Path => CalendarFeed.PathOf(Token);
}

/// <summary>Revokes the caller's calendar feed link; old copies of it stop working at once. False when there was none.</summary>
internal sealed record RevokeCalendarFeedLink : ICommand<bool>;

/// <summary>Whether the caller has a live link and since when (the token itself is not kept, so it cannot be shown again).</summary>
internal sealed record GetCalendarFeedLink : IQuery<CalendarFeedLinkState>;

/// <param name="HasOwner">False for an account with neither a therapist profile nor a client record: it has no appointments to list.</param>
internal sealed record CalendarFeedLinkState(bool HasOwner, DateTime? LiveSince);

/// <summary>The feed for a token, as iCalendar text, or null when no live link has that token.</summary>
internal sealed record ReadCalendarFeed(string? Token) : IQuery<string?>;

internal static class CalendarFeed
{
    /// <summary>Past appointments stay in the feed this long, so a calendar keeps the recent weeks.</summary>
    public static readonly TimeSpan Back = TimeSpan.FromDays(28);

    /// <summary>The feed reaches this far ahead.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(366);

    public static string PathOf(string token) => $"/calendar/{token}.ics";

    /// <summary>
    /// Whose feed the caller's own is: a therapist profile's, else a client record's. Null for an account with neither
    /// (reception, a manager who does not treat).
    /// </summary>
    public static (FeedOwnerKind Kind, Guid Id)? OwnerOf(ICurrentUser caller) => caller switch
    {
        { IsSystem: true } => null,
        { TherapistId: { } therapistId } when caller.Role is PracticeRole.Therapist or PracticeRole.Manager => (FeedOwnerKind.Therapist, therapistId),
        { ClientId: { } clientId } when caller.Role is PracticeRole.Client => (FeedOwnerKind.Client, clientId),
        _ => null,
    };

    public static (FeedOwnerKind Kind, Guid Id) RequireOwner(ICurrentUser caller) =>
        OwnerOf(caller) ?? throw new BusinessRuleException(
            "calendar-feed.no-owner", "Your account has no therapist profile or client record, so it has no appointments to put in a calendar.");
}

internal sealed class CreateCalendarFeedLinkHandler(SchedulingDbContext db, ICurrentUser caller, ClinicCalendar calendar)
    : IRequestHandler<CreateCalendarFeedLink, NewCalendarFeedLink>
{
    public async Task<NewCalendarFeedLink> Handle(CreateCalendarFeedLink request, CancellationToken cancellationToken)
    {
        var (kind, id) = CalendarFeed.RequireOwner(caller);
        var now = calendar.UtcNow;
        foreach (var old in await db.CalendarFeedLinks.Where(l => l.OwnerKind == kind && l.OwnerId == id && l.RevokedAt == null).ToListAsync(cancellationToken))
        {
            old.Revoke(now);
        }

        var (link, token) = CalendarFeedLink.Create(kind, id, now);
        db.CalendarFeedLinks.Add(link);
        return new NewCalendarFeedLink(token, now);
    }
}

internal sealed class RevokeCalendarFeedLinkHandler(SchedulingDbContext db, ICurrentUser caller, ClinicCalendar calendar) : IRequestHandler<RevokeCalendarFeedLink, bool>
{
    public async Task<bool> Handle(RevokeCalendarFeedLink request, CancellationToken cancellationToken)
    {
        var (kind, id) = CalendarFeed.RequireOwner(caller);
        var live = await db.CalendarFeedLinks.Where(l => l.OwnerKind == kind && l.OwnerId == id && l.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var link in live)
        {
            link.Revoke(calendar.UtcNow);
        }

        return live.Count > 0;
    }
}

internal sealed class GetCalendarFeedLinkHandler(SchedulingDbContext db, ICurrentUser caller) : IRequestHandler<GetCalendarFeedLink, CalendarFeedLinkState>
{
    public async Task<CalendarFeedLinkState> Handle(GetCalendarFeedLink request, CancellationToken cancellationToken)
    {
        if (CalendarFeed.OwnerOf(caller) is not var (kind, id))
        {
            return new CalendarFeedLinkState(false, null);
        }

        var since = await db.CalendarFeedLinks.AsNoTracking().Where(l => l.OwnerKind == kind && l.OwnerId == id && l.RevokedAt == null)
            .OrderByDescending(l => l.CreatedAt).Select(l => (DateTime?)l.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return new CalendarFeedLinkState(true, since);
    }
}

/// <summary>
/// A feed lists the owner's booked, checked-in and completed appointments from <see cref="CalendarFeed.Back"/> ago to
/// <see cref="CalendarFeed.Ahead"/>: the service and the clinic's place, nothing about the client's health, and on a
/// therapist's feed not the client's name either (a phone's calendar is seen by others and synced to other companies).
/// Cancelled appointments and no-shows are left out rather than sent as STATUS:CANCELLED: a subscribed calendar replaces
/// the whole feed on each refresh, so a missing event disappears everywhere, while some calendar apps show a cancelled
/// event from a feed as if it stood.
/// </summary>
internal sealed class ReadCalendarFeedHandler(SchedulingDbContext db, IClinicIdentity clinic, ClinicCalendar calendar, AppointmentCalendar writer)
    : IRequestHandler<ReadCalendarFeed, string?>
{
    private static readonly AppointmentStatus[] Listed = [AppointmentStatus.Booked, AppointmentStatus.CheckedIn, AppointmentStatus.Completed];

    public async Task<string?> Handle(ReadCalendarFeed request, CancellationToken cancellationToken)
    {
        if (!CalendarFeedLink.LooksLikeToken(request.Token))
        {
            return null;
        }

        var hash = CalendarFeedLink.HashOf(request.Token!);
        var link = await db.CalendarFeedLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash && l.RevokedAt == null, cancellationToken);
        if (link is null)
        {
            return null;
        }

        var from = calendar.UtcNow - CalendarFeed.Back;
        var to = calendar.UtcNow + CalendarFeed.Ahead;
        var owned = link.OwnerKind == FeedOwnerKind.Therapist
            ? db.Appointments.Where(a => a.TherapistId == link.OwnerId)
            : db.Appointments.Where(a => a.ClientId == link.OwnerId);
        var appointments = await owned.AsNoTracking()
            .Where(a => a.StartsAt >= from && a.StartsAt < to && Listed.Contains(a.Status))
            .OrderBy(a => a.StartsAt)
            .Select(a => new { a.Id, a.ServiceId, a.StartsAt, a.EndsAt, a.BookedAt, Moves = a.Changes.Count(), LastMove = a.Changes.Max(c => (DateTime?)c.At) })
            .ToListAsync(cancellationToken);
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var identity = await clinic.GetAsync(cancellationToken);

        var entries = appointments.Select(a =>
        {
            var service = services.GetValueOrDefault(a.ServiceId, "Appointment");
            return new CalendarEntry(
                a.Id,
                link.OwnerKind == FeedOwnerKind.Therapist ? $"Appointment: {service}" : service,
                a.StartsAt, a.EndsAt, a.Moves, a.LastMove is { } moved && moved > a.BookedAt ? moved : a.BookedAt, Cancelled: false);
        }).ToList();
        var name = link.OwnerKind == FeedOwnerKind.Therapist ? $"{identity.Name}: my appointments" : $"{identity.Name} appointments";
        return writer.Feed(name, identity, entries, from);
    }
}
