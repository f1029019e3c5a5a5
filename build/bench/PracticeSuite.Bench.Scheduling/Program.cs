using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using PracticeSuite.Bench;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Calendar;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.Modules.Scheduling.Infrastructure.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

// Usage: dotnet run -c Release -- [--checks 1000] [--free-slot-queries 200] [--data folder]
// Two data sets, each seeded once and kept (a SQLite file per set under the data folder; with BENCH_POSTGRES, a
// database per set beside the one named, created when missing): 10 therapists, a clinic open every day 07:00-21:00 for
// two years from 2026-01-05, one-hour holds (45 minutes and a 15-minute buffer) on the hour, each therapist in a room of
// their own, 5,000 clients. "conflicts" fills 100,000 of the 102,200 hours; "free slots" 50,000.
// 1. The conflict check: SlotRules.ConflictsAsync (the therapist, room and client probes) for random slots, on one
//    warmed context as inside a booking, and on a fresh context per check as a request would open.
// 2. Free slots: GetFreeSlotsHandler for the service, every therapist, 60 days from a random day, fresh context each.
// Beside each, in the same run, a floor: one appointment by primary key on the same kind of context.
var options = BenchConsole.ParseOptions(args, "--checks N --free-slot-queries N --data folder");
var checks = int.Parse(options.GetValueOrDefault("checks", "1000"));
var freeSlotQueries = int.Parse(options.GetValueOrDefault("free-slot-queries", "200"));
var dataRoot = Path.GetFullPath(options.GetValueOrDefault("data", Path.Combine(Path.GetTempPath(), "practicesuite-bench-scheduling")));
var postgres = Environment.GetEnvironmentVariable("BENCH_POSTGRES");

var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
var calendar = new ClinicCalendar(TimeProvider.System, zone);
var firstDay = new DateOnly(2026, 1, 5);
const int Days = 730;
const int TherapistCount = 10;
const int ClientCount = 5_000;
var therapists = new BenchTherapists(Enumerable.Range(1, TherapistCount).Select(i => new TherapistSummary(Id(0x7000 + i), $"Therapist {i}", TherapistBookability.Bookable)).ToList());
var roomOf = therapists.All.Select((t, i) => (t.Id, Room: Id(0x8000 + i + 1))).ToDictionary(p => p.Id, p => p.Room);
var serviceId = Id(0x9001);

var figures = new List<Figure>();
Console.WriteLine($"database: {(string.IsNullOrEmpty(postgres) ? "Sqlite" : "Postgres")}, {BenchConsole.LoadAverage()}");

// 1. The conflict check among 100,000 appointments.
{
    await using var database = await OpenAsync("conflicts", 100_000);
    var dbOptions = database.CreateOptions<SchedulingDbContext>(SchedulingMigration.Module);
    var service = await ServiceAsync(dbOptions);
    var random = new Random(7);
    Slot RandomSlot()
    {
        var therapist = therapists.All[random.Next(TherapistCount)].Id;
        var date = firstDay.AddDays(random.Next(Days));
        var time = new TimeOnly(7, 0).AddMinutes(15 * random.Next(14 * 4 - 3));
        var start = ClinicClock.ToUtc(date, time, zone) ?? ClinicClock.ToUtc(date, time.AddHours(1), zone)!.Value;
        return new Slot(Id(0x100000 + random.Next(ClientCount)), service, therapist, roomOf[therapist], start);
    }

    var warm = new List<double>();
    var warmCpu = 0.0;
    var fresh = new List<double>();
    var floorWarm = new List<double>();
    var floorFresh = new List<double>();
    var conflicting = 0;
    var ids = await SampleIdsAsync(dbOptions);
    await using (var db = new SchedulingDbContext(dbOptions))
    {
        var rules = new SlotRules(db, calendar, therapists);
        var cpuFrom = TimeSpan.Zero;
        for (var i = 0; i < checks + 200; i++) // the first 200 warm up the JIT, EF's query cache and the database's pages
        {
            if (i == 200)
            {
                cpuFrom = ProcessCpu();
            }

            var slot = RandomSlot();
            var started = Stopwatch.GetTimestamp();
            var conflicts = await rules.ConflictsAsync(slot, null, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var floorStarted = Stopwatch.GetTimestamp();
            var id = ids[random.Next(ids.Count)];
            await db.Appointments.AsNoTracking().Where(a => a.Id == id).Select(a => a.Id).FirstAsync();
            var floorElapsed = Stopwatch.GetElapsedTime(floorStarted).TotalMilliseconds;
            if (i >= 200)
            {
                warm.Add(elapsed);
                floorWarm.Add(floorElapsed);
                conflicting += conflicts.Count > 0 ? 1 : 0;
            }
        }

        warmCpu = (ProcessCpu() - cpuFrom).TotalMilliseconds / checks;
    }

    for (var i = 0; i < checks + 200; i++)
    {
        var slot = RandomSlot();
        var started = Stopwatch.GetTimestamp();
        await using (var db = new SchedulingDbContext(dbOptions))
        {
            await new SlotRules(db, calendar, therapists).ConflictsAsync(slot, null, CancellationToken.None);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var floorStarted = Stopwatch.GetTimestamp();
        await using (var db = new SchedulingDbContext(dbOptions))
        {
            var id = ids[random.Next(ids.Count)];
            await db.Appointments.AsNoTracking().Where(a => a.Id == id).Select(a => a.Id).FirstAsync();
        }

        var floorElapsed = Stopwatch.GetElapsedTime(floorStarted).TotalMilliseconds;
        if (i >= 200)
        {
            fresh.Add(elapsed);
            floorFresh.Add(floorElapsed);
        }
    }

    Console.WriteLine($"conflict checks: {checks:N0} random slots, {conflicting:N0} found a conflict; this process's CPU time per check and floor, warmed context: {warmCpu:F3} ms");
    Report("conflict check, warmed context", warm, 1.0, figures);
    Report("  floor: appointment by primary key, same context", floorWarm, null, figures);
    Report("conflict check, fresh context per check", fresh, null, figures);
    Report("  floor: appointment by primary key, fresh context", floorFresh, null, figures);
}

// 2. Free slots for every therapist over 60 days among 50,000 appointments.
{
    await using var database = await OpenAsync("free-slots", 50_000);
    var dbOptions = database.CreateOptions<SchedulingDbContext>(SchedulingMigration.Module);
    var random = new Random(11);
    var ids = await SampleIdsAsync(dbOptions);
    var timings = new List<double>();
    var floor = new List<double>();
    long found = 0;
    var freeCpuFrom = TimeSpan.Zero;
    for (var i = 0; i < freeSlotQueries + 20; i++)
    {
        if (i == 20)
        {
            freeCpuFrom = ProcessCpu();
        }

        var from = firstDay.AddDays(random.Next(Days - 60));
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<FreeSlot> slots;
        await using (var db = new SchedulingDbContext(dbOptions))
        {
            slots = await new GetFreeSlotsHandler(db, therapists, new ClinicCalendar(new FixedTime(from), zone)).Handle(new GetFreeSlots(serviceId, null, from, 60), CancellationToken.None);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var floorStarted = Stopwatch.GetTimestamp();
        await using (var db = new SchedulingDbContext(dbOptions))
        {
            var id = ids[random.Next(ids.Count)];
            await db.Appointments.AsNoTracking().Where(a => a.Id == id).Select(a => a.Id).FirstAsync();
        }

        var floorElapsed = Stopwatch.GetElapsedTime(floorStarted).TotalMilliseconds;
        if (i >= 20)
        {
            timings.Add(elapsed);
            floor.Add(floorElapsed);
            found += slots.Count;
        }
    }

    var freeCpu = (ProcessCpu() - freeCpuFrom).TotalMilliseconds / freeSlotQueries;

    // Where the time goes: the handler's busy-time read alone (its largest read, the handler's own method), on a fresh context.
    var reads = new List<double>();
    long rows = 0;
    var ids10 = therapists.All.Select(t => t.Id).ToList();
    var rooms10 = roomOf.Values.ToList();
    for (var i = 0; i < freeSlotQueries + 20; i++)
    {
        var from = firstDay.AddDays(random.Next(Days - 60));
        var rangeStart = ClinicClock.DayBounds(from, zone).Start;
        var rangeEnd = ClinicClock.DayBounds(from.AddDays(59), zone).End;
        var started = Stopwatch.GetTimestamp();
        await using (var db = new SchedulingDbContext(dbOptions))
        {
            var busy = await GetFreeSlotsHandler.BusyTimesAsync(db, ids10, rooms10, rangeStart, rangeEnd, rangeStart, CancellationToken.None);
            if (i >= 20)
            {
                rows += busy.Count;
            }
        }

        if (i >= 20)
        {
            reads.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    Console.WriteLine($"free-slot searches: {freeSlotQueries:N0}, {found / (double)freeSlotQueries:N0} free starts found on average; the busy-time read returns {rows / (double)freeSlotQueries:N0} rows; this process's CPU time per search and floor: {freeCpu:F2} ms");
    Report("free slots, 10 therapists x 60 days", timings, 20.0, figures);
    Report("  of which its busy-time read alone", reads, null, figures);
    Report("  floor: appointment by primary key, fresh context", floor, null, figures);
}

return BenchConsole.PrintSummary(figures);

// CPU time of this process (all its threads, the database's too on SQLite), which other work on the machine stretches less than the wall clock.
static TimeSpan ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime;

static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:x12}");

static void Report(string name, List<double> samples, double? goalP95, List<Figure> figures)
{
    var detail = $"n={samples.Count} p50={Stats.Percentile(samples, 50):F3} p99={Stats.Percentile(samples, 99):F3} max={samples.Max():F3}";
    Console.WriteLine($"{name,-52} p50 {Stats.Percentile(samples, 50),8:F3} ms  p95 {Stats.Percentile(samples, 95),8:F3} ms  p99 {Stats.Percentile(samples, 99),8:F3} ms");
    figures.Add(new Figure(name + " p95", Stats.Percentile(samples, 95), "ms", goalP95, false, detail));
}

async Task<List<Guid>> SampleIdsAsync(DbContextOptions<SchedulingDbContext> dbOptions)
{
    await using var db = new SchedulingDbContext(dbOptions);
    return await db.Appointments.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).Take(2_000).ToListAsync();
}

async Task<Service> ServiceAsync(DbContextOptions<SchedulingDbContext> dbOptions)
{
    await using var db = new SchedulingDbContext(dbOptions);
    return await db.Services.AsNoTracking().Include(s => s.Therapists).SingleAsync(s => s.Id == serviceId);
}

// A data set's database: seeded with `appointments` appointments when it holds fewer.
async Task<PracticeDatabase> OpenAsync(string set, int appointments)
{
    var folder = Path.Combine(dataRoot, set);
    Directory.CreateDirectory(folder);
    string? connection = null;
    if (!string.IsNullOrEmpty(postgres))
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres);
        var name = $"{builder.Database}_bench_scheduling_{set.Replace('-', '_')}";
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        builder.Database = name;
        connection = builder.ConnectionString;
    }

    var database = PracticeDatabase.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = folder,
            ["Database:Provider"] = connection is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Practice"] = connection,
        }).Build(),
        folder);
    await database.PrepareAsync(CancellationToken.None);
    var dbOptions = database.CreateOptions<SchedulingDbContext>(SchedulingMigration.Module);
    await using var db = new SchedulingDbContext(dbOptions);
    await db.Database.MigrateAsync();
    var existing = await db.Appointments.CountAsync();
    if (existing < appointments)
    {
        await SeedAsync(dbOptions, appointments);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE"); // what autovacuum does soon after a bulk load
        }
    }

    Console.WriteLine($"{set}: {await db.Appointments.CountAsync():N0} appointments" + (connection is null ? $" in {Path.Combine(folder, PracticeDatabase.SqliteFileName)}" : ""));
    return database;
}

// The catalogue, rooms and hours, then the appointments: `count` of the open hours, chosen at random, on the hour.
async Task SeedAsync(DbContextOptions<SchedulingDbContext> dbOptions, int count)
{
    var seeding = Stopwatch.StartNew();
    await using (var db = new SchedulingDbContext(dbOptions))
    {
        db.Appointments.RemoveRange(db.Appointments);
        db.WorkingPeriods.RemoveRange(db.WorkingPeriods);
        db.Rooms.RemoveRange(db.Rooms);
        db.Services.RemoveRange(db.Services);
        await db.SaveChangesAsync();
        db.Services.Add(Service.Create(serviceId, new ServiceDefinition("Follow-up session, 45 minutes", 45, 15, false, true, false, true, therapists.All.Select(t => t.Id).ToList()), 0));
        foreach (var (therapist, room) in roomOf)
        {
            db.Rooms.Add(new Room { Id = room, Name = $"Room of {therapist}" });
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                db.WorkingPeriods.Add(new WorkingPeriod { Id = Guid.CreateVersion7(), TherapistId = therapist, Day = day, Start = new TimeOnly(7, 0), End = new TimeOnly(21, 0) });
            }
        }

        await db.SaveChangesAsync();
    }

    Service service;
    await using (var db = new SchedulingDbContext(dbOptions))
    {
        service = await db.Services.Include(s => s.Therapists).SingleAsync();
    }

    var random = new Random(3);
    var hours = (from therapist in therapists.All
                 from day in Enumerable.Range(0, Days)
                 from hour in Enumerable.Range(7, 14)
                 select (therapist.Id, Date: firstDay.AddDays(day), Hour: hour)).OrderBy(_ => random.Next()).Take(count).ToList();
    const int Batch = 5_000;
    for (var done = 0; done < hours.Count; done += Batch)
    {
        await using var db = new SchedulingDbContext(dbOptions);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (therapist, date, hour) in hours.Skip(done).Take(Batch))
        {
            var start = ClinicClock.ToUtc(date, new TimeOnly(hour, 0), zone)!.Value;
            db.Appointments.Add(Appointment.Book(Guid.CreateVersion7(), Id(0x100000 + random.Next(ClientCount)), service, therapist, roomOf[therapist], start,
                start.AddDays(-14), null, null, null, null));
        }

        await db.SaveChangesAsync();
    }

    Console.WriteLine($"seeded {count:N0} appointments in {seeding.Elapsed.TotalSeconds:F1} s");
}

/// <summary>The clinic's therapists, all bookable.</summary>
internal sealed class BenchTherapists(IReadOnlyList<TherapistSummary> all) : ITherapistDirectory
{
    public IReadOnlyList<TherapistSummary> All => all;

    public Task<IReadOnlyList<TherapistSummary>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(all);

    public Task<TherapistSummary?> FindAsync(Guid therapistId, CancellationToken cancellationToken) => Task.FromResult(all.FirstOrDefault(t => t.Id == therapistId));
}

/// <summary>"Now" at the start of the searched range, so every slot of the 60 days is in the future and is considered.</summary>
internal sealed class FixedTime(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
