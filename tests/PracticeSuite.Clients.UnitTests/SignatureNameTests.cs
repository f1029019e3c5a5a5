using PracticeSuite.Modules.Clients.Domain;
using Xunit;

namespace PracticeSuite.Clients.UnitTests;

/// <summary>A consent is signed with the client's own name: what counts as the same name, and what does not.</summary>
public sealed class SignatureNameTests
{
    [Theory]
    [InlineData("José O'Neil")]
    [InlineData("jose o'neil")]            // case and accents aside
    [InlineData("  José   O'Neil  ")]      // spacing aside
    [InlineData("JOSÉ O’NEIL")]            // a phone keyboard's apostrophe
    [InlineData("Jose\tO'Neil")]
    public void The_clients_own_name_however_it_is_typed_signs(string typed)
    {
        Assert.True(SignatureName.Matches(typed, "José", "O'Neil"));
    }

    [Theory]
    [InlineData("Someone Else")]
    [InlineData("José")]                   // part of the name
    [InlineData("O'Neil José")]            // the other way round
    [InlineData("José ONeil")]             // a letter left out is a different name
    [InlineData("José O'Neill")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Any_other_name_does_not(string? typed)
    {
        Assert.False(SignatureName.Matches(typed, "José", "O'Neil"));
    }
}
