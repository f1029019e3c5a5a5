namespace PracticeSuite.Modules.Scheduling.Domain;

/// <summary>A time kept for someone finishing a booking; it holds the therapist (and a room) like an appointment until it expires.</summary>
internal sealed class SlotHoldRecord
{
    /// <summary>How long a hold lasts: long enough to pay online, short enough not to block the calendar.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public Guid TherapistId { get; set; }
    public Guid? RoomId { get; set; }
    public Guid? ClientId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public DateTime BlockedUntil { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>A hold is live until its expiry instant, exclusive.</summary>
    public bool IsLiveAt(DateTime now) => now < ExpiresAt;
}
