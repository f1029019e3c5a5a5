using System.Net.Http.Json;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// Names refuse control and direction-override characters (issue 16, defect 13): "\u202Eevil" would show reversed on
/// every page and export; a NUL cannot be stored on PostgreSQL.
/// </summary>
public sealed class PlainNameTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    [Theory]
    [InlineData("givenName", "Ann\u202Eenil")] // right-to-left override
    [InlineData("familyName", "Smith\u2066x")] // left-to-right isolate
    [InlineData("givenName", "Ann\tMarie")]
    [InlineData("emergencyContactName", "Bo\u0007b")] // a bell
    public async Task A_name_with_a_control_or_override_character_is_refused_naming_the_field(string field, string value)
    {
        var body = Registration();
        body[field] = value;

        var response = await host.Manager().PostAsJsonAsync("/api/clients", body);

        var errors = await response.FieldErrorsAsync();
        var key = char.ToUpperInvariant(field[0]) + field[1..];
        Assert.True(errors.ContainsKey(key), $"errors: {errors.ToJsonString()}");
        Assert.Contains("no control or direction-override characters", errors[key]!.ToJsonString());
    }

    [Theory]
    [InlineData("givenName", "Enter the given name.")]
    [InlineData("familyName", "Enter the family name.")]
    public async Task A_missing_name_is_asked_for_not_a_server_error(string field, string message)
    {
        // Found by the fuzzer (seed 20261216): the plain-text rule ran on a null name after NotEmpty had refused it.
        var body = Registration();
        body[field] = null;

        var response = await host.Manager().PostAsJsonAsync("/api/clients", body);

        var errors = await response.FieldErrorsAsync();
        var key = char.ToUpperInvariant(field[0]) + field[1..];
        Assert.Equal($"[\"{message}\"]", errors[key]!.ToJsonString());
    }

    [Fact]
    public async Task Names_in_any_script_with_marks_and_punctuation_are_taken()
    {
        var body = Registration();
        body["givenName"] = "Zoë-Åsa";
        body["familyName"] = "O'Brien حداد 山田";

        var response = await host.Manager().PostAsJsonAsync("/api/clients", body);

        await response.EnsureSuccessAsync();
    }

    private static Dictionary<string, object?> Registration() => new()
    {
        ["givenName"] = "Plain",
        ["familyName"] = "Name" + Guid.NewGuid().ToString("N")[..6],
        ["dateOfBirth"] = "1985-03-02",
        ["email"] = $"plain.{Guid.NewGuid():N}@example.com",
        ["phone"] = "+44 20 7946 0000",
        ["timeZone"] = "Europe/London",
        ["pressurePreference"] = "Medium",
    };
}
