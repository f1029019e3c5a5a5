using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Features.Calendar;

namespace PracticeSuite.Modules.Scheduling.Pages;

internal enum CellKind
{
    /// <summary>Inside working hours, nothing booked: a link to book it (for the front desk).</summary>
    Free,

    /// <summary>One or more appointments (overlapping ones share a cell).</summary>
    Busy,

    /// <summary>Time off, or the clinic is closed.</summary>
    Away,

    /// <summary>Outside working hours (before, after, or a break).</summary>
    Off,
}

/// <param name="Row">The first row, 0 at the top of the grid.</param>
internal sealed record GridCell(CellKind Kind, int Row, int RowSpan, TimeOnly Start, TimeOnly End, IReadOnlyList<ScheduleEntry> Entries);

/// <param name="Title">What heads the column: the therapist (day view) or the date (a therapist's week).</param>
/// <param name="TitleLink">Where the heading leads: the therapist's week, or that day.</param>
internal sealed record GridColumn(string Title, string? TitleLink, DateOnly Date, Guid TherapistId, string TherapistName, bool MayBeBooked, string? Closure, IReadOnlyList<GridCell> Cells)
{
    public GridCell? StartingAt(int row) => Cells.FirstOrDefault(c => c.Row == row);
}

/// <summary>
/// A day's or a week's schedule laid on a grid of <see cref="StepMinutes"/>-minute rows, from the first whole hour anyone
/// works or is booked to the last (08:00–18:00 when nothing is set), so columns line up and a table's rowspan draws each
/// block without inline styles (the content security policy refuses them).
/// </summary>
internal sealed record CalendarGrid(int FirstMinute, int Rows, IReadOnlyList<GridColumn> Columns, bool LinksToBook, DateTime Now)
{
    public const int StepMinutes = 15;

    public static TimeOnly At(int minute) => minute >= 24 * 60 ? TimeOnly.MaxValue : new TimeOnly(minute / 60, minute % 60);

    public TimeOnly RowStart(int row) => At(FirstMinute + row * StepMinutes);

    /// <summary>The link that books a free cell, prefilled.</summary>
    public static string BookLink(GridColumn column, TimeOnly time) =>
        $"/Calendar/Book?therapistId={column.TherapistId}&date={column.Date:yyyy-MM-dd}&time={time:HH\\:mm}";

    public static string Range(TimeOnly start, TimeOnly end) => $"{start:HH\\:mm}–{(end == TimeOnly.MaxValue ? "24:00" : end.ToString("HH\\:mm"))}";

    public static CalendarGrid Build(IEnumerable<(string Title, string? TitleLink, ScheduleDay Day, ScheduleColumn Column)> columns, bool linksToBook, DateTime now, Func<DateOnly, TimeOnly, DateTime?> toUtc)
    {
        var list = columns.ToList();
        var starts = list.SelectMany(c => c.Column.Hours.Select(h => Minutes(h.Start)).Concat(c.Column.Appointments.Select(a => Minutes(a.Local.Start)))).ToList();
        var ends = list.SelectMany(c => c.Column.Hours.Select(h => Minutes(h.End)).Concat(c.Column.Appointments.Select(a => Minutes(a.Local.End)))).ToList();
        var first = starts.Count == 0 ? 8 * 60 : starts.Min() / 60 * 60;
        var last = ends.Count == 0 ? 18 * 60 : Math.Min(24 * 60, (ends.Max() + 59) / 60 * 60);
        if (last <= first)
        {
            last = Math.Min(24 * 60, first + 60);
        }

        var rows = (last - first) / StepMinutes;
        var grid = list.Select(c => new GridColumn(c.Title, c.TitleLink, c.Day.Date, c.Column.TherapistId, c.Column.TherapistName, c.Column.MayBeBooked, c.Day.Closure,
            CellsOf(c.Day, c.Column, first, rows, now, toUtc))).ToList();
        return new CalendarGrid(first, rows, grid, linksToBook, now);
    }

    private static List<GridCell> CellsOf(ScheduleDay day, ScheduleColumn column, int first, int rows, DateTime now, Func<DateOnly, TimeOnly, DateTime?> toUtc)
    {
        var kinds = new CellKind[rows];
        for (var row = 0; row < rows; row++)
        {
            var start = first + row * StepMinutes;
            var end = start + StepMinutes;
            kinds[row] = day.Closure is not null || column.Away.Any(a => Minutes(a.Start) < end && Minutes(a.End) > start)
                ? CellKind.Away
                : column.Hours.Any(h => Minutes(h.Start) <= start && Minutes(h.End) >= end) ? CellKind.Free : CellKind.Off;
        }

        // The time kept free after an appointment (its buffer) is not offered: a booking there would be refused.
        foreach (var entry in column.Appointments.Where(a => a.Status is not AppointmentStatus.NoShow))
        {
            var bufferEnd = Minutes(entry.Local.End) + (int)(entry.BlockedUntil - entry.EndsAt).TotalMinutes;
            for (var row = 0; row < rows; row++)
            {
                var start = first + row * StepMinutes;
                if (kinds[row] == CellKind.Free && start < bufferEnd && start + StepMinutes > Minutes(entry.Local.End))
                {
                    kinds[row] = CellKind.Off;
                }
            }
        }

        // Appointments that overlap (a booking made outside hours over another) share one block.
        var blocks = new List<(int From, int To, List<ScheduleEntry> Entries)>();
        foreach (var entry in column.Appointments.OrderBy(a => a.Local.Start))
        {
            var from = Math.Clamp((Minutes(entry.Local.Start) - first) / StepMinutes, 0, rows - 1);
            var to = Math.Clamp((Minutes(entry.Local.End) - first + StepMinutes - 1) / StepMinutes, from + 1, rows);
            if (blocks.Count > 0 && blocks[^1].To > from)
            {
                blocks[^1] = (blocks[^1].From, Math.Max(blocks[^1].To, to), [.. blocks[^1].Entries, entry]);
            }
            else
            {
                blocks.Add((from, to, [entry]));
            }
        }

        var cells = new List<GridCell>();
        var next = 0;
        foreach (var (from, to, entries) in blocks)
        {
            AddPlain(next, from);
            cells.Add(new GridCell(CellKind.Busy, from, to - from, At(first + from * StepMinutes), At(first + to * StepMinutes), entries));
            next = to;
        }

        AddPlain(next, rows);
        return cells;

        void AddPlain(int from, int to)
        {
            var row = from;
            while (row < to)
            {
                var kind = kinds[row];
                var span = 1;
                if (kind != CellKind.Free)
                {
                    while (row + span < to && kinds[row + span] == kind)
                    {
                        span++;
                    }
                }
                else if (toUtc(day.Date, At(first + row * StepMinutes)) is not { } startsAt || startsAt < now)
                {
                    kind = CellKind.Off; // passed (or skipped by the clocks): not offered
                }

                cells.Add(new GridCell(kind, row, span, At(first + row * StepMinutes), At(first + (row + span) * StepMinutes), []));
                row += span;
            }
        }
    }

    /// <summary>A column as a phone reads it: appointments and free stretches in time order.</summary>
    public static IReadOnlyList<GridCell> Timeline(GridColumn column)
    {
        var items = new List<GridCell>();
        foreach (var cell in column.Cells.Where(c => c.Kind is CellKind.Busy or CellKind.Free or CellKind.Away))
        {
            if (cell.Kind != CellKind.Busy && items.Count > 0 && items[^1].Kind == cell.Kind && items[^1].End == cell.Start)
            {
                items[^1] = items[^1] with { End = cell.End, RowSpan = items[^1].RowSpan + cell.RowSpan };
            }
            else
            {
                items.Add(cell);
            }
        }

        return items;
    }

    private static int Minutes(TimeOnly time) => time == TimeOnly.MaxValue ? 24 * 60 : time.Hour * 60 + time.Minute;
}

/// <summary>How an appointment's status reads, and its chip's colour (a word first, colour second).</summary>
internal static class StatusText
{
    public static string Name(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Booked",
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static string Chip(AppointmentStatus status) => status switch
    {
        AppointmentStatus.CheckedIn => "status-chip todo",
        AppointmentStatus.Completed => "status-chip done",
        AppointmentStatus.Cancelled or AppointmentStatus.NoShow => "status-chip stop",
        _ => "status-chip",
    };
}
