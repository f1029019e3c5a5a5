namespace PracticeSuite.Modules.Scheduling.Domain;

/// <summary>
/// A span a therapist, a room or a client is taken: [<see cref="Start"/>, <see cref="Until"/>). For the therapist and the
/// room an appointment or a live hold is taken until its buffer ends (<c>BlockedUntil</c>); for the client until the visit
/// ends (the buffer is the therapist's and the room's time, not theirs).
/// </summary>
internal readonly record struct BusyTime(DateTime Start, DateTime Until)
{
    /// <summary>
    /// Whether this busy span overlaps a candidate [<paramref name="start"/>, <paramref name="until"/>). Both are half-open:
    /// a candidate may start the instant the busy span ends, and may end (buffer included) the instant it starts.
    /// The one overlap rule: the conflict check and the free-slot search both decide with it.
    /// </summary>
    public bool Overlaps(DateTime start, DateTime until) => Start < until && start < Until;
}

/// <summary>
/// One resource's busy spans (a therapist's or a room's), sorted once so that "is it free for this span?" is a binary
/// search instead of a scan. Spans may overlap each other (an override, a hold beside a booking): each start is kept with
/// the latest end among the spans that start no later, so one comparison answers for all of them.
/// </summary>
internal sealed class BusyTimeline
{
    private readonly DateTime[] _starts;
    private readonly DateTime[] _latestUntil;

    public BusyTimeline(IEnumerable<BusyTime> busy)
    {
        var sorted = busy.OrderBy(b => b.Start).ToArray();
        _starts = new DateTime[sorted.Length];
        _latestUntil = new DateTime[sorted.Length];
        var latest = DateTime.MinValue;
        for (var i = 0; i < sorted.Length; i++)
        {
            _starts[i] = sorted[i].Start;
            latest = sorted[i].Until > latest ? sorted[i].Until : latest;
            _latestUntil[i] = latest;
        }
    }

    public static BusyTimeline Empty { get; } = new([]);

    /// <summary>Whether no busy span overlaps [<paramref name="start"/>, <paramref name="until"/>).</summary>
    public bool IsFree(DateTime start, DateTime until)
    {
        // Only spans starting before `until` can overlap; among them, one does exactly when the latest of their ends is
        // after `start`. That span (the last such start, with the latest end) is put to the overlap rule.
        var startingBefore = CountStartingBefore(until);
        return startingBefore == 0 || !new BusyTime(_starts[startingBefore - 1], _latestUntil[startingBefore - 1]).Overlaps(start, until);
    }

    private int CountStartingBefore(DateTime instant)
    {
        int low = 0, high = _starts.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_starts[middle] < instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

/// <summary>Rooms hold one appointment at a time: a visit that needs a room can go ahead only while one of the clinic's rooms is free for all of it.</summary>
internal static class RoomCapacity
{
    /// <summary>
    /// The rooms (in the order given) free for all of [<paramref name="start"/>, <paramref name="until"/>). A room busy for
    /// only part of it is not free: the visit cannot change rooms halfway.
    /// </summary>
    public static IEnumerable<TRoom> FreeRooms<TRoom>(IEnumerable<TRoom> rooms, Func<TRoom, BusyTimeline> busy, DateTime start, DateTime until) =>
        rooms.Where(room => busy(room).IsFree(start, until));
}
