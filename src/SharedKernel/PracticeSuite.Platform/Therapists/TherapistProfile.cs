namespace PracticeSuite.Platform.Therapists;

/// <summary>A therapist as the clinic presents and books them.</summary>
internal sealed class TherapistProfile
{
    public Guid Id { get; set; }

    public string DisplayName { get; set; } = "";

    public string Bio { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public List<TherapistCredential> Credentials { get; set; } = [];
}

/// <summary>A licence or certification with its expiry date. A lapsed licence stops bookings.</summary>
internal sealed class TherapistCredential
{
    public Guid Id { get; set; }

    public Guid TherapistId { get; set; }

    public CredentialKind Kind { get; set; }

    /// <summary>What it is, e.g. "Massage therapy licence" or "Neuromuscular therapy certification".</summary>
    public string Title { get; set; } = "";

    public string Number { get; set; } = "";

    public string Issuer { get; set; } = "";

    public DateOnly ExpiresOn { get; set; }
}

internal enum CredentialKind
{
    /// <summary>Required to practise: once lapsed, the therapist may not be booked.</summary>
    Licence,

    /// <summary>A qualification shown on the profile; its expiry warns but does not stop bookings.</summary>
    Certification,
}
