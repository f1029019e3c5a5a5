using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Platform.Accounts;

/// <summary>
/// The e-mail that tells an account's owner it is locked after failed sign-ins: from the clinic, with the end of the
/// lockout in the reader's time (a client's own zone, else the clinic's). One per lockout: its end is in the key.
/// </summary>
internal sealed class LockoutNotice(IEmailSender email, IClinicIdentity clinic, ClinicCalendar calendar, IEnumerable<IClientTimeZones> clientZones)
{
    public async Task SendAsync(PracticeUser user, DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        var clinicName = (await clinic.GetAsync(cancellationToken)).Name;
        string? readerZone = null;
        if (user.ClientId is { } clientId)
        {
            foreach (var zones in clientZones)
            {
                readerZone ??= await zones.TimeZoneOfAsync(clientId, cancellationToken);
            }
        }

        var until = lockedUntil is { } end ? $"until {calendar.ForReader(end.UtcDateTime, readerZone)}" : "for a while";
        await email.QueueAsync(new EmailMessage(
            user.Email!,
            $"Your {clinicName} account is locked for a while",
            $"""
            Hello {user.DisplayName},

            Someone tried to sign in to your {clinicName} account with a wrong password several times, so the account is
            locked {until}. If it was you, wait and try again, or choose a new password with "Forgotten your password?"
            on the sign-in page. If it was not you, your password is still safe: nobody signed in.
            """,
            null,
            "account-locked",
            $"account-locked:{user.Id}:{lockedUntil?.UtcTicks}",
            user.ClientId), cancellationToken);
    }
}
