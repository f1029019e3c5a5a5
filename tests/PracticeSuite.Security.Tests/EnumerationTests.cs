using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Accounts.Tests;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// Sign-in does not tell whether an address has an account (issue 16, defect 4): a wrong password took a median 287 ms
/// for a real account and 9 ms for an unknown one, and only real accounts read "locked".
/// </summary>
[Trait("Category", "Persistence")]
[Collection(TimedSignIns.Name)]
public sealed partial class EnumerationTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task An_unknown_address_and_a_real_account_refused_or_locked_get_the_same_words_in_the_same_time()
    {
        await host.InScopeAsync(async scope =>
        {
            var (user, errors) = await scope.Resolve<AccountSeeding>().CreateAsync("vera@personas.test", "Vera", "Vera-Password-2026", PracticeRole.Client, Guid.NewGuid(), null);
            Assert.True(user is not null, string.Join(" ", errors));
            return user;
        });
        var client = host.CreateClient();
        await SignInAsync(client, "warm.up@personas.test"); // the first request of a kind pays for compilation

        var real = new List<double>();
        var unknown = new List<double>();
        var answers = new HashSet<string>();
        for (var attempt = 0; attempt < 50; attempt++) // the real account locks after its fifth failure
        {
            var (realTime, realAnswer) = await SignInAsync(client, "vera@personas.test");
            var (unknownTime, unknownAnswer) = await SignInAsync(client, $"nobody{attempt}@personas.test");
            real.Add(realTime);
            unknown.Add(unknownTime);
            answers.Add(realAnswer);
            answers.Add(unknownAnswer);
        }

        Assert.Single(answers); // one message for wrong, unknown and locked alike
        // Each real attempt is paired with the unknown one sent right after it, so a burst of other work on the machine
        // (test classes run side by side) slows both sides of a pair rather than one series.
        var pairedDifference = Median(real.Zip(unknown, (r, u) => r - u).ToList());
        Assert.True(Math.Abs(pairedDifference) < 20,
            $"median difference {pairedDifference:F1} ms (medians {Median(real):F1} ms for the real account, {Median(unknown):F1} ms for unknown addresses)");
        var told = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().Emails.CountAsync(e => e.Recipient == "vera@personas.test" && e.Kind == "account-locked"));
        Assert.Equal(1, told); // the owner is told once, not at every further try
    }

    private static async Task<(double Milliseconds, string Answer)> SignInAsync(HttpClient client, string address)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = address, ["Input.Password"] = "Not-The-Password-1", ["__RequestVerificationToken"] = token,
        });
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/Account/Login", form);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = Summary().Match(await response.Content.ReadAsStringAsync());
        return (elapsed, summary.Success ? WebUtility.HtmlDecode(Regex.Replace(summary.Groups[1].Value, "<[^>]+>", "")).Trim() : "(no message)");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex("class=\"validation-summary-errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Summary();
}

/// <summary>Timed tests run after the assembly's parallel classes, alone, so other tests do not skew their clocks.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedSignIns
{
    public const string Name = "Timed sign-ins";
}
