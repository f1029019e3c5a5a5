using Autofac;
using Microsoft.AspNetCore.Identity;
using PracticeSuite.Accounts.Tests;
using PracticeSuite.Platform.Accounts;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// Passwords (issue 16, defect 12; ASVS 2.1): 12 to 128 characters, not on the shipped list of passwords found in
/// breaches (at least 100,000), and no composition rules.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class PasswordRuleTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    [Fact]
    public void The_shipped_list_holds_at_least_a_hundred_thousand_passwords() =>
        Assert.True(CommonPasswordValidator.ListSize() >= 100_000, $"{CommonPasswordValidator.ListSize()} passwords");

    [Theory]
    [InlineData("123qweasdzxc", "PasswordCommon")] // 12 characters, on the list
    [InlineData("1QAZ2WSX3EDC", "PasswordCommon")] // on the list in another case
    [InlineData("eleven char", "PasswordTooShort")]
    [InlineData(null, "PasswordTooLong")] // 129 characters, below
    public async Task A_short_long_or_breached_password_is_refused_with_its_reason(string? password, string code)
    {
        var errors = await ErrorsForAsync(password ?? new string('x', 60) + " " + new string('y', 68));
        Assert.Contains(code, errors);
    }

    [Theory]
    [InlineData("maple harbour lantern")] // words only: no digit, capital or symbol needed
    [InlineData("twelve chars")] // exactly 12
    public async Task A_long_uncommon_password_is_accepted_without_composition_rules(string password) =>
        Assert.Empty(await ErrorsForAsync(password));

    private Task<List<string>> ErrorsForAsync(string password) => host.InScopeAsync(async scope =>
    {
        var users = scope.Resolve<UserManager<PracticeUser>>();
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new PracticeUser { UserName = "pat@personas.test" }, password);
            errors.AddRange(result.Errors.Select(e => e.Code));
        }

        return errors;
    });
}
