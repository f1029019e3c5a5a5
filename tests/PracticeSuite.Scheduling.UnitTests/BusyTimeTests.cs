using PracticeSuite.Modules.Scheduling.Domain;
using Xunit;

namespace PracticeSuite.Scheduling.UnitTests;

/// <summary>
/// The one overlap rule (half-open spans: touching is free), the sorted timeline that answers it by binary search, and
/// room capacity (a visit needs one room free for all of it), each against answers worked out by hand.
/// </summary>
public sealed class BusyTimeTests
{
    private static DateTime At(int hour, int minute = 0) => new(2027, 3, 2, hour, minute, 0, DateTimeKind.Utc);

    // 10:00–11:15: a 60-minute visit and its 15-minute buffer.
    private static readonly BusyTime Visit = new(At(10), At(11, 15));

    [Fact]
    public void A_candidate_may_end_as_the_busy_time_starts_and_start_as_it_ends_but_not_a_minute_inside()
    {
        Assert.False(Visit.Overlaps(At(8, 45), At(10))); // its own buffer ends exactly at 10:00
        Assert.True(Visit.Overlaps(At(8, 46), At(10, 1)));
        Assert.False(Visit.Overlaps(At(11, 15), At(12, 30))); // starts as the buffer ends
        Assert.True(Visit.Overlaps(At(11, 14), At(12, 29))); // starts inside the buffer
        Assert.True(Visit.Overlaps(At(10, 15), At(10, 30))); // inside
        Assert.True(Visit.Overlaps(At(9), At(12))); // around
    }

    [Fact]
    public void An_empty_timeline_is_free_at_any_time()
    {
        Assert.True(BusyTimeline.Empty.IsFree(At(9), At(10)));
        Assert.True(new BusyTimeline([]).IsFree(At(0), At(23)));
    }

    [Fact]
    public void A_timeline_is_free_in_the_gaps_between_its_busy_times_and_at_their_edges()
    {
        // Given out of order: 09:00–10:00, 10:30–11:45, 13:00–14:15.
        var day = new BusyTimeline([new BusyTime(At(13), At(14, 15)), new BusyTime(At(9), At(10)), new BusyTime(At(10, 30), At(11, 45))]);

        Assert.True(day.IsFree(At(8), At(9)));
        Assert.False(day.IsFree(At(8), At(9, 1)));
        Assert.True(day.IsFree(At(10), At(10, 30))); // exactly the gap
        Assert.False(day.IsFree(At(10), At(10, 31)));
        Assert.False(day.IsFree(At(9, 59), At(10, 30)));
        Assert.True(day.IsFree(At(11, 45), At(13)));
        Assert.False(day.IsFree(At(11, 44), At(12)));
        Assert.False(day.IsFree(At(12), At(15))); // around the last one
        Assert.True(day.IsFree(At(14, 15), At(16)));
        Assert.False(day.IsFree(At(7), At(20))); // around all of them
    }

    [Fact]
    public void A_long_busy_time_that_starts_early_still_covers_the_short_ones_after_it()
    {
        // 08:00–12:00 (an override) with 09:00–09:30 inside it: 10:00–10:30 starts after the short one but inside the long one.
        var day = new BusyTimeline([new BusyTime(At(8), At(12)), new BusyTime(At(9), At(9, 30))]);

        Assert.False(day.IsFree(At(10), At(10, 30)));
        Assert.False(day.IsFree(At(11, 59), At(13)));
        Assert.True(day.IsFree(At(12), At(13)));
        Assert.True(day.IsFree(At(7), At(8)));
    }

    [Fact]
    public void A_room_is_free_only_when_it_is_free_for_the_whole_visit()
    {
        // Room A busy 10:00–11:00, room B busy 11:00–12:00, room C busy 09:00–13:00.
        var busy = new Dictionary<string, BusyTimeline>
        {
            ["A"] = new([new BusyTime(At(10), At(11))]),
            ["B"] = new([new BusyTime(At(11), At(12))]),
            ["C"] = new([new BusyTime(At(9), At(13))]),
        };
        string[] rooms = ["A", "B", "C"];

        // 10:30–11:30 has a free room at every instant (B, then A) but no room free for all of it.
        Assert.Empty(RoomCapacity.FreeRooms(rooms, room => busy[room], At(10, 30), At(11, 30)));
        Assert.Equal(["B"], RoomCapacity.FreeRooms(rooms, room => busy[room], At(10), At(11)));
        Assert.Equal(["A"], RoomCapacity.FreeRooms(rooms, room => busy[room], At(11), At(12)));
        Assert.Equal(["A", "B", "C"], RoomCapacity.FreeRooms(rooms, room => busy[room], At(8), At(9))); // C's time starts as it ends
        Assert.Equal(["A", "B"], RoomCapacity.FreeRooms(rooms, room => busy[room], At(8, 30), At(9, 30)));
        Assert.Equal(["A", "B", "C"], RoomCapacity.FreeRooms(rooms, room => busy[room], At(13), At(14)));
    }
}
