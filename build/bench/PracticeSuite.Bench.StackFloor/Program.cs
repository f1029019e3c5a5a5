using Autofac;
using Autofac.Extensions.DependencyInjection;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Bench.StackFloor;
using Hangfire;
using Hangfire.Storage.SQLite;

// Usage as the host's: dotnet PracticeSuite.Bench.StackFloor.dll [--migrate-only], with Storage__DataDirectory
// and ASPNETCORE_URLS from the environment. Serves /, /health and /openapi/v1.json like the host.
var migrateOnly = args.Contains("--migrate-only");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--migrate-only").ToArray());
var dataDirectory = Path.GetFullPath(builder.Configuration["Storage:DataDirectory"] ?? "data");
Directory.CreateDirectory(dataDirectory);
var connectionString = $"Data Source={Path.Combine(dataDirectory, "floor.db")}";

builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
builder.Host.ConfigureContainer<ContainerBuilder>(container =>
{
    container.Register(c =>
        {
            var scope = c.Resolve<IComponentContext>();
            return new Mediator(scope.Resolve);
        })
        .As<IMediator>()
        .InstancePerLifetimeScope();
    container.RegisterType<CountNotesHandler>().As<IRequestHandler<CountNotes, int>>();
});
builder.Services.AddRazorPages();
builder.Services.AddDbContext<FloorDbContext>(o => o.UseSqlite(connectionString));
builder.Services.AddDbContext<FloorAccountsDbContext>(o => o.UseSqlite(connectionString));
builder.Services.AddIdentity<IdentityUser, IdentityRole>().AddEntityFrameworkStores<FloorAccountsDbContext>();
builder.Services.AddSingleton(new DatabaseCheck(connectionString));
builder.Services.AddHealthChecks().AddCheck<DatabaseCheck>("database");
builder.Services.AddOpenApi();
var jobStorage = new SQLiteStorage(Path.Combine(dataDirectory, "floor-jobs.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
builder.Services.AddSingleton<JobStorage>(jobStorage);
builder.Services.AddHangfire(configuration => configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());
builder.Services.AddHangfireServer(server => { server.WorkerCount = 2; server.SchedulePollingInterval = TimeSpan.FromSeconds(15); });

var app = builder.Build();
app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<TickJob>("tick", job => job.RunAsync(), "*/15 * * * * *");
if (migrateOnly)
{
    // Like the host's --migrate-only: the schema is created once, before the timed starts.
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<FloorDbContext>().Database.EnsureCreatedAsync();
    return;
}

app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapHealthChecks("/health");
app.MapRazorPages();
app.MapGet("/api/notes/count", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new CountNotes(), cancellationToken));
await app.RunAsync();
