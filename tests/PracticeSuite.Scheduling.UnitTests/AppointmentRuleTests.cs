using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Appointments;
using PracticeSuite.SharedKernel.Errors;
using Xunit;

namespace PracticeSuite.Scheduling.UnitTests;

/// <summary>An appointment's life: when it may be booked, when a cancellation is late, which step may follow which.</summary>
public sealed class AppointmentRuleTests
{
    private static readonly DateTime Start = new(2026, 12, 9, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    internal static Service Nmt60() =>
        Service.Create(Guid.Parse("0193a000-0000-7000-8000-000000000001"), new ServiceDefinition("NMT 60", 60, 15, false, true, false, false, []), 0);

    private static Appointment Booked(DateTime? start = null) =>
        Appointment.Book(Guid.NewGuid(), Guid.NewGuid(), Nmt60(), Guid.NewGuid(), null, start ?? Start, Start.AddDays(-3), null, null, null, null);

    [Fact]
    public void The_end_follows_from_the_service_and_the_buffer_holds_the_therapist_after_it()
    {
        var appointment = Booked();

        Assert.Equal(new DateTime(2026, 12, 9, 11, 0, 0, DateTimeKind.Utc), appointment.EndsAt);
        Assert.Equal(new DateTime(2026, 12, 9, 11, 15, 0, DateTimeKind.Utc), appointment.BlockedUntil);
        Assert.Equal(60, appointment.TimedMinutes);
    }

    [Fact]
    public void Held_time_overlaps_anything_starting_before_the_buffer_ends_but_not_what_starts_as_it_ends()
    {
        var appointment = Booked(); // holds 10:00–11:15

        Assert.True(appointment.Overlaps(Start.AddMinutes(74), Start.AddMinutes(134)));
        Assert.False(appointment.Overlaps(Start.AddMinutes(75), Start.AddMinutes(135)));
        Assert.True(appointment.Overlaps(Start.AddMinutes(-59), Start.AddMinutes(1)));
        Assert.False(appointment.Overlaps(Start.AddMinutes(-60), Start));
    }

    [Fact]
    public void Cancelling_exactly_24_hours_ahead_is_on_time_and_a_minute_later_is_late()
    {
        Assert.False(Appointment.IsLate(Start, Start - Day, Day));
        Assert.True(Appointment.IsLate(Start, Start - Day + TimeSpan.FromMinutes(1), Day));

        var late = Booked();
        Assert.True(late.Cancel(CancelledBy.Client, null, Start.AddHours(-2), Day));
        Assert.Equal(AppointmentStatus.Cancelled, late.Status);
        Assert.Equal(CancelledBy.Client, late.CancelledBy);
        Assert.True(late.LateCancellation);
    }

    [Fact]
    public void Staff_record_up_to_seven_days_back_and_clients_book_only_the_future()
    {
        var now = Start;
        Assert.Null(Appointment.BookingTimeProblem(now.AddDays(-7), now, byStaff: true));
        Assert.NotNull(Appointment.BookingTimeProblem(now.AddDays(-7).AddMinutes(-1), now, byStaff: true));
        Assert.Null(Appointment.BookingTimeProblem(now, now, byStaff: false));
        Assert.NotNull(Appointment.BookingTimeProblem(now.AddMinutes(-1), now, byStaff: false));
    }

    [Fact]
    public void Completing_needs_a_check_in_first()
    {
        var appointment = Booked();
        Assert.Throws<BusinessRuleException>(() => appointment.Complete(Start));

        appointment.CheckIn(Start.AddMinutes(-5), new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 9));
        appointment.Complete(Start.AddHours(1));
        Assert.Equal(AppointmentStatus.Completed, appointment.Status);
    }

    [Fact]
    public void Check_in_opens_on_the_day_of_the_appointment()
    {
        var appointment = Booked();
        Assert.Throws<BusinessRuleException>(() => appointment.CheckIn(Start.AddDays(-1), new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 9)));
        appointment.CheckIn(Start.AddHours(-3), new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 9));
        Assert.Equal(AppointmentStatus.CheckedIn, appointment.Status);
    }

    [Fact]
    public void A_no_show_is_recorded_from_the_start_time_and_frees_the_time()
    {
        var appointment = Booked();
        Assert.Throws<BusinessRuleException>(() => appointment.MarkNoShow(Start.AddMinutes(-1)));
        appointment.MarkNoShow(Start);
        Assert.Equal(AppointmentStatus.NoShow, appointment.Status);
        Assert.False(appointment.HoldsTime);
    }

    [Fact]
    public void A_cancelled_appointment_cannot_be_moved_checked_in_or_cancelled_again()
    {
        var appointment = Booked();
        appointment.Cancel(CancelledBy.Clinic, "Therapist unwell", Start.AddDays(-2), Day);

        Assert.False(appointment.HoldsTime);
        Assert.Throws<BusinessRuleException>(() => appointment.Cancel(CancelledBy.Clinic, "again", Start.AddDays(-2), Day));
        Assert.Throws<BusinessRuleException>(() => appointment.CheckIn(Start, new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 9)));
        Assert.Throws<BusinessRuleException>(() => appointment.Reschedule(Nmt60(), appointment.TherapistId, null, Start.AddDays(1), Start.AddDays(-2), null, "Reception"));
    }

    [Fact]
    public void Moving_keeps_the_old_time_in_the_history()
    {
        var appointment = Booked();
        var colleague = Guid.NewGuid();
        var formerTherapist = appointment.TherapistId;
        appointment.Reschedule(Nmt60(), colleague, null, Start.AddDays(1), Start.AddDays(-2), null, "Reception");

        var change = Assert.Single(appointment.Changes);
        Assert.Equal(Start, change.PreviousStartsAt);
        Assert.Equal(formerTherapist, change.PreviousTherapistId);
        Assert.Equal(Start.AddDays(1), appointment.StartsAt);
        Assert.Equal(Start.AddDays(1).AddMinutes(60), appointment.EndsAt);
        Assert.Equal(colleague, appointment.TherapistId);
    }

    [Fact]
    public void A_weekly_series_falls_on_the_same_weekday()
    {
        Assert.Equal(
            [new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 23)],
            SeriesDates.From(new DateOnly(2026, 12, 9), 3, 1));
        Assert.Equal([new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 23)], SeriesDates.From(new DateOnly(2026, 12, 9), 2, 2));
    }
}
