namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>A client's signature of one consent version: typed name, when (UTC) and from where.</summary>
internal sealed class ConsentSignature
{
    private ConsentSignature()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public int ConsentVersion { get; private set; }

    public string TypedName { get; private set; } = "";

    public DateTime SignedAt { get; private set; }

    public string? IpAddress { get; private set; }

    public static ConsentSignature Sign(Guid clientId, int consentVersion, string typedName, DateTime signedAt, string? ipAddress) => new()
    {
        Id = Guid.CreateVersion7(),
        ClientId = clientId,
        ConsentVersion = consentVersion,
        TypedName = typedName.Trim(),
        SignedAt = signedAt,
        IpAddress = ipAddress,
    };

    /// <summary>Erasure keeps the fact that a version was signed, and when, but not who typed what from where.</summary>
    public void Anonymise()
    {
        TypedName = "";
        IpAddress = null;
    }
}
