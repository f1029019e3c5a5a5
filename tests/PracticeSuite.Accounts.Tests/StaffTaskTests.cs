using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Autofac;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Tasks;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Accounts.Tests
{
    /// <summary>A fixture of its own: these tests add, finish and erase, and must not move other classes' figures.</summary>
    public sealed class TasksFixture : AccountsFixture;

    /// <summary>
    /// The clinic's task list (issue 17): a module creates tasks through the platform's request (once per key), staff add
    /// them by hand, each person sees theirs and their role's (a manager everyone's), done and not done are audited, a
    /// clearance flag's task closes when the clearance is recorded, and an erased client's tasks go with them.
    /// </summary>
    [Trait("Category", "Persistence")]
    public sealed class StaffTaskTests(TasksFixture host) : IClassFixture<TasksFixture>
    {
        private static readonly DateOnly Today = new(2026, 11, 22); // the fixture's clock, 09:00 UTC, is that day in London

        [Fact]
        public async Task A_flag_awaiting_clearance_gives_its_therapist_a_task_that_recording_the_clearance_closes()
        {
            var (clientId, flagId) = (host.RouteValues["clientId"], host.RouteValues["flagId"]);
            var task = await SingleTaskAboutAsync(flagId);
            Assert.Equal(host.Personas.TherapistA.UserId, task.AssigneeUserId);
            Assert.Null(task.AssigneeRole);
            Assert.Equal(Today.AddDays(3), task.DueOn);
            Assert.Equal($"Record the physician's clearance for {host.Personas.ClientA.DisplayName}", task.Title);
            Assert.Equal($"/Clients/{clientId}/Flags/{flagId}/Clearance", task.AboutPath);

            var therapistA = await host.SignedInClientAsync(host.Personas.TherapistA.Email);
            var home = WebUtility.HtmlDecode(await therapistA.GetStringAsync("/"));
            Assert.Matches(new Regex($@"<li data-task-id=""{task.Id}"">\s*<a href=""/Clients/{clientId}/Flags/{flagId}/Clearance"">Record the physician's clearance"), home);
            var therapistB = await host.SignedInClientAsync(host.Personas.TherapistB.Email);
            Assert.DoesNotContain(task.Id.ToString(), await therapistB.GetStringAsync("/"));
            Assert.DoesNotContain(task.Id.ToString(), await therapistB.GetStringAsync("/Tasks"));

            var cleared = await therapistA.PostAsJsonAsync($"/api/clients/{clientId}/flags/{flagId}/clearance",
                new { physician = "Dr Okafor", clearedOn = "2026-11-20", outcome = "NoRestriction" });
            Assert.True(cleared.IsSuccessStatusCode, await cleared.Content.ReadAsStringAsync());
            var done = await SingleTaskAboutAsync(flagId);
            Assert.NotNull(done.DoneAt);
            Assert.Equal(host.Personas.TherapistA.UserId, done.DoneByUserId);
            Assert.DoesNotContain(task.Id.ToString(), await therapistA.GetStringAsync("/"));
        }

        [Fact]
        public async Task A_module_creating_the_same_task_twice_makes_one()
        {
            var request = new CreateStaffTask("Call back about the gift voucher", null, TaskAssignee.Everyone(PracticeRole.Reception), Today.AddDays(1),
                new TaskSubject("Clients", "voucher-17", "Gift voucher 17", "/Clients"), IdempotencyKey: "test.voucher-17");
            var first = await SendAsSystemAsync(request);
            var second = await SendAsSystemAsync(request with { Title = "Another title, same key" });
            Assert.Equal(first, second);
            var stored = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().StaffTasks.AsNoTracking().Where(t => t.IdempotencyKey == "test.voucher-17").ToListAsync());
            Assert.Equal("Call back about the gift voucher", Assert.Single(stored).Title);
            var created = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().AuditRecords.AsNoTracking()
                .CountAsync(r => r.Action == StaffTaskAudit.Created.Code && r.RecordId == first.ToString()));
            Assert.Equal(1, created);
        }

        [Fact]
        public async Task A_task_added_by_hand_for_a_role_reaches_everyone_in_it_and_is_done_once_with_an_audit_entry()
        {
            var reception = await host.SignedInClientAsync(host.Personas.Reception!.Email);
            var added = await AccountsFixture.PostFormAsync(reception, "/Tasks/New", new()
            {
                ["Input.Title"] = "Restock the massage oil",
                ["Input.Assignee"] = "role:Therapist",
                ["Input.DueOn"] = "2026-11-24",
            });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            var task = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().StaffTasks.AsNoTracking().SingleAsync(t => t.Title == "Restock the massage oil"));
            Assert.Equal((null, "Therapist", host.Personas.Reception.UserId, new DateOnly(2026, 11, 24)), (task.AssigneeUserId, task.AssigneeRole, task.CreatedByUserId, task.DueOn));

            var therapistA = await host.SignedInClientAsync(host.Personas.TherapistA.Email);
            var therapistB = await host.SignedInClientAsync(host.Personas.TherapistB.Email);
            Assert.Contains(task.Id.ToString(), await therapistA.GetStringAsync("/Tasks"));
            Assert.Contains(task.Id.ToString(), await therapistB.GetStringAsync("/Tasks"));
            var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
            Assert.DoesNotContain(task.Id.ToString(), await manager.GetStringAsync("/Tasks"));          // not the manager's own
            Assert.Contains(task.Id.ToString(), await manager.GetStringAsync("/Tasks?scope=all"));     // but the clinic's
            Assert.DoesNotContain(task.Id.ToString(), await reception.GetStringAsync("/Tasks?scope=all")); // only managers see everyone's

            var done = await AccountsFixture.PostFormAsync(therapistB, $"/Tasks?handler=Done&id={task.Id}", new(), getPath: "/Tasks");
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            Assert.DoesNotContain(task.Id.ToString(), await therapistA.GetStringAsync("/Tasks"));
            Assert.Contains(task.Id.ToString(), await therapistA.GetStringAsync("/Tasks?status=done"));
            var again = await AccountsFixture.PostFormAsync(therapistA, $"/Tasks?handler=Done&id={task.Id}", new(), getPath: "/Tasks");
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

            var entries = await EntriesAsync(task.Id);
            Assert.Equal(new (string, string?)[] { (StaffTaskAudit.Created.Code, host.Personas.Reception.UserId), (StaffTaskAudit.Done.Code, host.Personas.TherapistB.UserId) }, entries);

            var undone = await AccountsFixture.PostFormAsync(therapistA, $"/Tasks?handler=Undone&id={task.Id}&status=done", new(), getPath: "/Tasks?status=done");
            Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
            Assert.Null((await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().StaffTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).DoneAt);
            Assert.Equal((StaffTaskAudit.Reopened.Code, host.Personas.TherapistA.UserId), (await EntriesAsync(task.Id))[^1]);
        }

        [Fact]
        public async Task Nobody_marks_done_a_task_that_is_not_theirs_to_see()
        {
            var id = await SendAsSystemAsync(new CreateStaffTask("Renew the insurance", null, TaskAssignee.Person(host.Personas.Manager.UserId!), Today, null));
            foreach (var email in new[] { host.Personas.TherapistA.Email, host.Personas.Reception!.Email })
            {
                var other = await host.SignedInClientAsync(email);
                var refused = await AccountsFixture.PostFormAsync(other, $"/Tasks?handler=Done&id={id}", new(), getPath: "/Tasks");
                Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            }

            Assert.Null((await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().StaffTasks.AsNoTracking().SingleAsync(t => t.Id == id))).DoneAt);
            Assert.Empty(await EntriesAsync(id, StaffTaskAudit.Done.Code));
        }

        [Fact]
        public async Task An_overdue_task_is_first_in_my_tasks_with_an_overdue_chip()
        {
            var late = await SendAsSystemAsync(new CreateStaffTask("Send the quarterly figures", null, TaskAssignee.Person(host.Personas.Manager.UserId!), Today.AddDays(2), null));
            var soon = await SendAsSystemAsync(new CreateStaffTask("Order towels", null, TaskAssignee.Person(host.Personas.Manager.UserId!), Today.AddDays(1), null));
            // Overdue: its day has passed (set directly: a new task may not be due in the past).
            await host.InScopeAsync(async scope =>
            {
                var db = scope.Resolve<AccountsDbContext>();
                (await db.StaffTasks.SingleAsync(t => t.Id == late)).DueOn = Today.AddDays(-1);
                return await db.SaveChangesAsync();
            });

            var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
            var home = await manager.GetStringAsync("/");
            var myTasks = Regex.Matches(home, @"<li data-task-id=""([0-9a-f-]+)"">").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
            Assert.True(myTasks.IndexOf(late) >= 0 && myTasks.IndexOf(late) < myTasks.IndexOf(soon), string.Join(", ", myTasks));
            Assert.Matches(new Regex($@"data-task-id=""{late}"">(?:(?!</li>).)*status-chip stop"">Overdue", RegexOptions.Singleline), home);
            Assert.DoesNotMatch(new Regex($@"data-task-id=""{soon}"">(?:(?!</li>).)*Overdue", RegexOptions.Singleline), home);
            var list = await manager.GetStringAsync("/Tasks");
            Assert.Matches(new Regex($@"data-task-id=""{late}"">(?:(?!</tr>).)*status-chip stop"">Overdue", RegexOptions.Singleline), list);
        }

        [Fact]
        public async Task Bad_input_gets_a_plain_message_beside_its_field()
        {
            var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
            async Task<string> RefusedAsync(string title, string assignee, string dueOn)
            {
                var response = await AccountsFixture.PostFormAsync(manager, "/Tasks/New", new() { ["Input.Title"] = title, ["Input.Assignee"] = assignee, ["Input.DueOn"] = dueOn });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            }

            Assert.Contains("Enter what needs doing.", await RefusedAsync("  ", "role:Reception", "2026-11-23"));
            Assert.Contains("Choose today or a later day: a task cannot be due in the past.", await RefusedAsync("Late already", "role:Reception", "2026-11-21"));
            Assert.Contains("Choose someone on the clinic's staff: that person has no active staff account.", await RefusedAsync("For nobody", "user:no-such-account", "2026-11-23"));
            Assert.Contains("Choose someone on the clinic's staff: that person has no active staff account.", await RefusedAsync("For a client", "user:" + host.Personas.ClientA.UserId, "2026-11-23"));
            Assert.Contains("Tasks are for the clinic's staff: choose Manager, Therapist or Reception.", await RefusedAsync("For clients", "role:Client", "2026-11-23"));
            Assert.Contains("Choose who the task is for: one person or one role.", await RefusedAsync("For whom?", "someone", "2026-11-23"));
            Assert.Contains("Enter a real date", await RefusedAsync("When?", "role:Reception", "soon"));
            string[] refusedTitles = ["", "Late already", "For nobody", "For a client", "For clients", "For whom?", "When?"];
            Assert.Equal(0, await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().StaffTasks.CountAsync(t => refusedTitles.Contains(t.Title))));

            // Due today is allowed, and a module's request is held to the same rules.
            Assert.Equal(HttpStatusCode.Redirect, (await AccountsFixture.PostFormAsync(manager, "/Tasks/New", new() { ["Input.Title"] = "Today's", ["Input.Assignee"] = "role:Reception", ["Input.DueOn"] = "2026-11-22" })).StatusCode);
            var refused = await Assert.ThrowsAsync<RequestValidationException>(() => SendAsSystemAsync(new CreateStaffTask("x", null, TaskAssignee.Everyone(PracticeRole.Manager), Today,
                new TaskSubject("Clients", "1", "Somewhere else", "//evil.example/"))));
            Assert.Contains("About", refused.Errors.Keys);
        }

        [Fact]
        public async Task A_therapist_without_an_active_account_gets_the_managers_to_act()
        {
            var id = await SendAsSystemAsync(new CreateStaffTask("Check the new profile", null, TaskAssignee.Therapist(Guid.NewGuid()), Today, null));
            var task = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().StaffTasks.AsNoTracking().SingleAsync(t => t.Id == id));
            Assert.Equal((null, "Manager"), (task.AssigneeUserId, task.AssigneeRole));
        }

        [Fact]
        public async Task Erasing_a_client_removes_the_tasks_about_them()
        {
            var clientB = host.Personas.ClientB.ClientId!.Value;
            var id = await SendAsSystemAsync(new CreateStaffTask($"Post the receipt to {host.Personas.ClientB.DisplayName}", null, TaskAssignee.Everyone(PracticeRole.Reception), Today,
                new TaskSubject("Clients", clientB.ToString(), host.Personas.ClientB.DisplayName, $"/Clients/{clientB}", clientB)));
            var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
            var erased = await manager.PostAsJsonAsync($"/api/clients/{clientB}/erase", new { confirmed = true });
            Assert.True(erased.IsSuccessStatusCode, await erased.Content.ReadAsStringAsync());
            Assert.False(await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().StaffTasks.AnyAsync(t => t.Id == id || t.ClientId == clientB)));
            Assert.Single(await EntriesAsync(id, StaffTaskAudit.Removed.Code));
        }

        [Fact]
        public async Task The_failed_e_mail_count_opens_a_log_of_exactly_the_failed_messages()
        {
            await host.InScopeAsync(async scope =>
            {
                var db = scope.Resolve<AccountsDbContext>();
                foreach (var (subject, status) in new[] { ("Bounced reminder", PracticeSuite.Platform.Email.EmailStatus.Failed), ("Abandoned receipt", PracticeSuite.Platform.Email.EmailStatus.GaveUp), ("Delivered welcome", PracticeSuite.Platform.Email.EmailStatus.Sent) })
                {
                    db.Emails.Add(new PracticeSuite.Platform.Email.EmailRecord
                    {
                        Id = Guid.CreateVersion7(), Recipient = "someone@example.org", Subject = subject, TextBody = "Hello.", Kind = "test",
                        IdempotencyKey = "test." + subject, Status = status, Attempts = 1, QueuedAt = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc),
                    });
                }

                return await db.SaveChangesAsync();
            });

            var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
            Assert.Matches(new Regex(@"<a class=""card"" href=""/Manage/Email\?failed=true"" data-count=""2"">"), await manager.GetStringAsync("/"));
            var failed = await manager.GetStringAsync("/Manage/Email?failed=true");
            Assert.Contains("Bounced reminder", failed);
            Assert.Contains("Abandoned receipt", failed);
            Assert.DoesNotContain("Delivered welcome", failed);
            Assert.Contains("Delivered welcome", await manager.GetStringAsync("/Manage/Email"));
        }

        [Fact]
        public async Task A_client_without_a_care_team_gives_the_managers_the_task_and_a_later_intake_without_the_answer_closes_it()
        {
            var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
            var registered = await manager.PostAsJsonAsync("/api/clients", new
            {
                givenName = "Wren", familyName = "Walkin", dateOfBirth = "1979-02-03", email = "wren@example.org", phone = "+44 20 7946 0003",
                timeZone = "Europe/London", pressurePreference = "Medium",
            });
            var clientId = System.Text.Json.Nodes.JsonNode.Parse(await registered.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();

            async Task SubmitAsync(bool recentSurgery)
            {
                var response = await manager.PostAsJsonAsync($"/api/clients/{clientId}/intake", Intake(recentSurgery));
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }

            Task<List<StaffTaskRecord>> TasksAsync() => host.InScopeAsync(scope =>
                scope.Resolve<AccountsDbContext>().StaffTasks.AsNoTracking().Where(t => t.ClientId == clientId).ToListAsync());

            await SubmitAsync(recentSurgery: true);
            var task = Assert.Single(await TasksAsync());
            Assert.Equal((null, "Manager", "Record the physician's clearance for Wren Walkin"), (task.AssigneeUserId, task.AssigneeRole, task.Title));

            await SubmitAsync(recentSurgery: true); // the same answer keeps the flag: no second task
            Assert.Null(Assert.Single(await TasksAsync()).DoneAt);

            await SubmitAsync(recentSurgery: false); // the flag is resolved, and its task with it
            var closed = Assert.Single(await TasksAsync());
            Assert.NotNull(closed.DoneAt);
            Assert.Equal(host.Personas.Manager.UserId, closed.DoneByUserId);
        }

        private static readonly string[] QuestionKeys =
        [
            "cancer-treatment", "clotting", "recent-surgery", "heart-condition", "pregnancy", "open-wound", "skin-infection",
            "recent-fracture", "varicose-veins", "acute-inflammation", "anticoagulants", "osteoporosis", "diabetes-sensation",
            "low-pain-threshold", "fever", "acute-illness", "intoxication",
        ];

        private static Dictionary<string, object?> Intake(bool recentSurgery) => new()
        {
            ["reasonForVisit"] = "Stiff lower back",
            ["screening"] = QuestionKeys.Select(key => new Dictionary<string, object?> { ["questionKey"] = key, ["answer"] = recentSurgery && key == "recent-surgery" }).ToArray(),
            ["previousMassage"] = false,
        };

        private Task<Guid> SendAsSystemAsync(CreateStaffTask request) => host.InScopeAsync(async scope =>
        {
            using var system = PracticeSuite.SharedKernel.Hosting.Platform.SystemPrincipal.Enter();
            return await scope.Resolve<IMediator>().Send(request);
        });

        private Task<StaffTaskRecord> SingleTaskAboutAsync(string flagId) => host.InScopeAsync(scope =>
            scope.Resolve<AccountsDbContext>().StaffTasks.AsNoTracking().SingleAsync(t => t.AboutModule == "Clients" && t.AboutRecordId == flagId));

        private Task<List<(string, string?)>> EntriesAsync(Guid taskId, string? action = null) => host.InScopeAsync(async scope =>
            (await scope.Resolve<AccountsDbContext>().AuditRecords.AsNoTracking()
                .Where(r => r.RecordType == StaffTaskAudit.RecordType && r.RecordId == taskId.ToString() && (action == null || r.Action == action))
                .OrderBy(r => r.OccurredAt).ThenBy(r => r.Id).ToListAsync())
            .Select(r => (r.Action, r.UserId)).ToList());
    }
}
