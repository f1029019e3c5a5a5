using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Search;
using Xunit;

namespace PracticeSuite.Clients.UnitTests;

/// <summary>How names and queries are normalised for search, and what a query asks the database for (issue 17).</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Zoë", "zoe")]
    [InlineData("JOSÉ", "jose")]
    [InlineData("Ørsted", "orsted")]
    [InlineData("Strauß", "strauss")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Ærøskøbing", "aeroskobing")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Þóra", "thora")]
    [InlineData("Đorđe", "dorde")]
    [InlineData("Ağca", "agca")]
    public void Accents_and_case_are_folded(string name, string expected)
    {
        Assert.Equal(expected, SearchText.Normalise(name));
    }

    [Theory]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O’Brien", "obrien")]       // a phone keyboard's apostrophe
    [InlineData("Smith-Jones", "smithjones")]
    [InlineData("Smith‐Jones", "smithjones")] // the Unicode hyphen
    [InlineData("Mary Smith - Jones", "mary smith jones")] // a free-standing dash separates
    [InlineData("  ann   o'neil ", "ann oneil")]
    public void Apostrophes_and_hyphens_inside_a_word_join_it(string name, string expected)
    {
        Assert.Equal(expected, SearchText.Normalise(name));
    }

    [Fact]
    public void A_joined_name_is_also_found_by_each_part()
    {
        Assert.Equal(["obrien", "o", "brien"], SearchText.NameWords("O'Brien"));
        Assert.Equal(["anne", "smithjones", "smith", "jones"], SearchText.NameWords("Anne Smith-Jones"));
    }

    [Fact]
    public void The_fragments_are_every_ending_of_three_or_more_of_the_name_words_and_phone_digits()
    {
        Assert.Equal(
            new HashSet<string> { "siobhan", "iobhan", "obhan", "bhan", "han", "obrien", "brien", "rien", "ien", "0123", "123" },
            SearchText.FragmentsFor("Siobhán", "O'Brien", "0123"));
        Assert.Equal(new HashSet<string> { "ann", "lee" }, SearchText.FragmentsFor("Ann", "Lee", null)); // "Al" would have none
        Assert.Empty(SearchText.FragmentsFor("Al", "Li", null));
    }

    [Fact]
    public void The_terms_hold_name_words_and_parts_the_email_and_the_phone_with_and_without_leading_zeros()
    {
        Assert.Equal(
            new HashSet<string> { "zoe", "smithjones", "smith", "jones", "zoesjexamplecom", "07700900123", "7700900123" },
            SearchText.TermsFor("Zoë", "Smith-Jones", "Zoe.SJ@example.com", "07700 900123"));
    }

    [Fact]
    public void Words_of_three_letters_or_more_are_also_looked_for_inside_words_and_shorter_ones_at_word_starts()
    {
        var words = SearchWords.Parse("jo ones");
        Assert.Equal(["ones", "jo"], words.Prefixes); // the longest drives the index walk
        Assert.True(words.MayMatchInside);
    }

    [Fact]
    public void Words_all_shorter_than_three_letters_are_prefixes_only()
    {
        var words = SearchWords.Parse("jo sm");
        Assert.Equal(["jo", "sm"], words.Prefixes);
        Assert.False(words.MayMatchInside);
    }

    [Theory]
    [InlineData("o'brien", "obrien")]
    [InlineData("Smith-Jones", "smithjones")]
    [InlineData("STRAUß", "strauss")]
    public void A_query_word_is_normalised_like_a_stored_one(string query, string expected)
    {
        Assert.Equal([expected], SearchWords.Parse(query).Prefixes);
    }

    [Theory]
    [InlineData("7700 900", "7700900")]
    [InlineData("07700 900", "7700900")]   // the trunk 0 dropped: found inside +44 7700 900…
    [InlineData("+44 7700", "447700")]
    [InlineData("(020) 7946-0991", "2079460991")]
    public void A_phone_query_is_its_digits_without_leading_zeros_matched_anywhere(string query, string digits)
    {
        var words = SearchWords.Parse(query);
        Assert.Equal([digits], words.Prefixes);
        Assert.True(words.MayMatchInside);
    }

    [Fact]
    public void Two_phone_digits_are_a_prefix_only()
    {
        var words = SearchWords.Parse("077");
        Assert.Equal(["77"], words.Prefixes);
        Assert.False(words.MayMatchInside);
    }

    [Fact]
    public void An_email_address_is_one_prefix_never_looked_for_inside()
    {
        var words = SearchWords.Parse("Mary.Jones@Example");
        Assert.Equal(["maryjonesexample"], words.Prefixes);
        Assert.False(words.MayMatchInside);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("'-")]
    public void A_query_without_letters_or_digits_asks_for_nothing(string? query)
    {
        Assert.Empty(SearchWords.Parse(query).Prefixes);
    }
}
