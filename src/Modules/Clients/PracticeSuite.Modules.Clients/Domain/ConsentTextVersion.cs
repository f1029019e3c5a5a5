namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>One published version of the clinic's consent-to-treatment text. Versions are never edited: a change publishes the next.</summary>
internal sealed class ConsentTextVersion
{
    private ConsentTextVersion()
    {
    }

    public ConsentTextVersion(int version, string text, DateTime publishedAt, string? publishedByUserId)
    {
        Version = version;
        Text = text;
        PublishedAt = publishedAt;
        PublishedByUserId = publishedByUserId;
    }

    public int Version { get; private set; }

    public string Text { get; private set; } = "";

    public DateTime PublishedAt { get; private set; }

    public string? PublishedByUserId { get; private set; }
}
