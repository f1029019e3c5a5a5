using PracticeSuite.Modules.Scheduling.Domain;
using Xunit;

namespace PracticeSuite.Scheduling.UnitTests;

/// <summary>When a credential lapses and warns, and which photos a profile takes (by their bytes).</summary>
public sealed class TherapistCredentialTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static TherapistCredential Licence(DateOnly expiresOn) => new() { Kind = CredentialKind.Licence, ExpiresOn = expiresOn };

    [Fact]
    public void A_credential_is_valid_through_its_expiry_date_and_lapsed_the_day_after()
    {
        Assert.False(Credentials.HasLapsed(Licence(new DateOnly(2026, 11, 20)), Today));
        Assert.True(Credentials.HasLapsed(Licence(new DateOnly(2026, 11, 19)), Today));
    }

    [Fact]
    public void Only_a_lapsed_licence_stops_bookings_not_a_lapsed_certification()
    {
        var lapsedCertification = new TherapistCredential { Kind = CredentialKind.Certification, ExpiresOn = new DateOnly(2026, 1, 1) };
        Assert.False(Credentials.LicenceLapsed([lapsedCertification, Licence(new DateOnly(2027, 1, 1))], Today));
        Assert.True(Credentials.LicenceLapsed([Licence(new DateOnly(2027, 1, 1)), Licence(new DateOnly(2026, 11, 19))], Today));
        Assert.False(Credentials.LicenceLapsed([], Today));
    }

    [Fact]
    public void A_manager_is_warned_from_30_days_before_expiry()
    {
        Assert.True(Credentials.NeedsAttention(Licence(new DateOnly(2026, 12, 20)), Today)); // 30 days ahead
        Assert.False(Credentials.NeedsAttention(Licence(new DateOnly(2026, 12, 21)), Today)); // 31 days ahead
        Assert.True(Credentials.NeedsAttention(Licence(new DateOnly(2026, 11, 1)), Today)); // already lapsed
    }

    [Fact]
    public void A_photo_is_recognised_by_its_first_bytes()
    {
        Assert.Equal("image/png", ProfilePhotos.ContentTypeOf([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]));
        Assert.Equal("image/jpeg", ProfilePhotos.ContentTypeOf([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("image/webp", ProfilePhotos.ContentTypeOf("RIFF\x10\0\0\0WEBPVP8 "u8.ToArray()));
        Assert.Null(ProfilePhotos.ContentTypeOf("GIF89a.........."u8.ToArray()));
        Assert.Null(ProfilePhotos.ContentTypeOf("RIFF\x10\0\0\0WAVEfmt "u8.ToArray())); // a sound, not a WebP
        Assert.Null(ProfilePhotos.ContentTypeOf([0x89, 0x50, 0x4E])); // a PNG's start, cut short
        Assert.Null(ProfilePhotos.ContentTypeOf([]));
    }
}
