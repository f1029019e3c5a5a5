using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.SharedKernel.Domain;

namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>How firmly the client wants to be treated; the therapist still adjusts to what the client reports.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PressurePreference>))]
internal enum PressurePreference
{
    NoPreference,
    Light,
    Medium,
    Firm,
}

/// <summary>The personal details a client record holds; validated once for registration and updates.</summary>
internal sealed record ClientDetails(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? Email,
    string? Phone,
    string? Address,
    string? EmergencyContactName,
    string? EmergencyContactPhone,
    string TimeZone,
    PressurePreference PressurePreference,
    string? PainThresholdNotes);

/// <summary>A person the clinic treats: contact details, preferences, care team, portal link and lifecycle.</summary>
internal sealed class Client : AggregateRoot<Guid>
{
    public const string ErasedName = "Erased client";

    /// <summary>Raise it when <see cref="SearchText"/> changes how terms or fragments are made: every record is then rebuilt at start-up.</summary>
    public const int CurrentSearchIndexVersion = 1;

    private readonly List<CareTeamMember> _careTeam = [];
    private readonly List<ContactPreferenceSetting> _contactPreferences = [];
    private readonly List<ClientSearchTerm> _searchTerms = [];
    private readonly List<ClientSearchFragment> _searchFragments = [];

    private Client()
    {
    }

    public string GivenName { get; private set; } = "";

    public string FamilyName { get; private set; } = "";

    public DateOnly? DateOfBirth { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Address { get; private set; }

    public string? EmergencyContactName { get; private set; }

    public string? EmergencyContactPhone { get; private set; }

    public string TimeZone { get; private set; } = "";

    public PressurePreference PressurePreference { get; private set; }

    public string? PainThresholdNotes { get; private set; }

    /// <summary>"family given", normalised: the list's sort order.</summary>
    public string SortName { get; private set; } = "";

    /// <summary>The e-mail address in lower case, for duplicate checks.</summary>
    public string? NormalisedEmail { get; private set; }

    /// <summary>The given and family name normalised, for the "same name and date of birth" duplicate check.</summary>
    public string? NormalisedFullName { get; private set; }

    public string? PortalUserId { get; private set; }

    public DateTime RegisteredAt { get; private set; }

    public DateTime? ArchivedAt { get; private set; }

    public DateTime? ErasedAt { get; private set; }

    public IReadOnlyList<CareTeamMember> CareTeam => _careTeam;

    public IReadOnlyList<ContactPreferenceSetting> ContactPreferences => _contactPreferences;

    public IReadOnlyList<ClientSearchTerm> SearchTerms => _searchTerms;

    public IReadOnlyList<ClientSearchFragment> SearchFragments => _searchFragments;

    /// <summary>
    /// Which rules built the search terms and fragments (<see cref="CurrentSearchIndexVersion"/>); older records are
    /// rebuilt at start-up by <see cref="Infrastructure.ClientSearchIndexBackfill"/>. 0 for records saved before fragments existed.
    /// </summary>
    public int SearchIndexVersion { get; private set; }

    public string DisplayName => ErasedAt is null ? $"{GivenName} {FamilyName}" : ErasedName;

    public bool IsArchived => ArchivedAt is not null;

    public bool IsErased => ErasedAt is not null;

    public static Client Register(Guid id, ClientDetails details, DateTime registeredAt)
    {
        var client = new Client { Id = id, RegisteredAt = registeredAt };
        client.Apply(details);
        // Service messages go by e-mail by default. The clinic's other news is marketing, which UK GDPR and PECR allow
        // only after the client opts in. SMS is recorded as off until a module sends SMS.
        foreach (var kind in Enum.GetValues<ContactKind>())
        {
            client._contactPreferences.Add(new ContactPreferenceSetting(id, kind, ContactChannel.Email, allowed: kind != ContactKind.Other));
            client._contactPreferences.Add(new ContactPreferenceSetting(id, kind, ContactChannel.Sms, false));
        }

        return client;
    }

    public void UpdateDetails(ClientDetails details)
    {
        EnsureNotErased();
        Apply(details);
    }

    public void SetContactPreference(ContactKind kind, ContactChannel channel, bool allowed)
    {
        EnsureNotErased();
        var existing = _contactPreferences.SingleOrDefault(p => p.Kind == kind && p.Channel == channel);
        if (existing is null)
        {
            _contactPreferences.Add(new ContactPreferenceSetting(Id, kind, channel, allowed));
        }
        else
        {
            existing.Allowed = allowed;
        }
    }

    /// <summary>
    /// Replaces the care team; the first therapist is the preferred one. A therapist may change only a team they are
    /// on; when one adds a colleague, the clinic's managers are to be told (a therapist widens who reads the record).
    /// </summary>
    public CareTeamChange SetCareTeam(IReadOnlyList<Guid> therapistIds, CareTeamEditor editor)
    {
        EnsureNotErased();
        var before = _careTeam.Select(m => m.TherapistId).ToList();
        if (editor.TherapistId is { } self && !before.Contains(self))
        {
            throw new SharedKernel.Errors.BusinessRuleException(
                CareTeamChange.NotOnTheTeam, "Only a therapist on this client's care team may change it. Ask the clinic's manager.");
        }

        _careTeam.Clear();
        for (var position = 0; position < therapistIds.Count; position++)
        {
            _careTeam.Add(new CareTeamMember(Id, therapistIds[position], position));
        }

        var added = therapistIds.Where(id => !before.Contains(id)).ToList();
        return new CareTeamChange(added, ManagersToBeTold: editor.TherapistId is not null && added.Count > 0);
    }

    public void LinkPortalAccount(string userId)
    {
        EnsureNotErased();
        PortalUserId = userId;
    }

    public void Archive(DateTime now)
    {
        EnsureNotErased();
        ArchivedAt ??= now;
        _searchTerms.ForEach(t => t.Archived = true);
        _searchFragments.ForEach(f => f.Archived = true);
    }

    public void Restore()
    {
        EnsureNotErased();
        ArchivedAt = null;
        _searchTerms.ForEach(t => t.Archived = false);
        _searchFragments.ForEach(f => f.Archived = false);
    }

    /// <summary>Removes every personal detail; the id stays so other modules' records (and the audit trail) still join.</summary>
    public void Erase(DateTime now)
    {
        GivenName = "";
        FamilyName = "";
        DateOfBirth = null;
        Email = null;
        Phone = null;
        Address = null;
        EmergencyContactName = null;
        EmergencyContactPhone = null;
        PainThresholdNotes = null;
        PressurePreference = PressurePreference.NoPreference;
        NormalisedEmail = null;
        NormalisedFullName = null;
        SortName = "";
        PortalUserId = null;
        ArchivedAt ??= now;
        ErasedAt = now;
        _careTeam.Clear();
        _contactPreferences.Clear();
        _searchTerms.Clear();
        _searchFragments.Clear();
    }

    private void Apply(ClientDetails details)
    {
        GivenName = details.GivenName.Trim();
        FamilyName = details.FamilyName.Trim();
        DateOfBirth = details.DateOfBirth;
        Email = Blank(details.Email);
        Phone = Blank(details.Phone);
        Address = Blank(details.Address);
        EmergencyContactName = Blank(details.EmergencyContactName);
        EmergencyContactPhone = Blank(details.EmergencyContactPhone);
        TimeZone = details.TimeZone.Trim();
        PressurePreference = details.PressurePreference;
        PainThresholdNotes = Blank(details.PainThresholdNotes);
        NormalisedEmail = Email?.ToLowerInvariant();
        IndexForSearch();
    }

    /// <summary>
    /// Brings the search terms and fragments, the sort name and the duplicate-check name in step with the details.
    /// Every change of a name or phone number runs it, so it is saved in the same transaction; the start-up backfill
    /// (<see cref="Infrastructure.ClientSearchIndexBackfill"/>) runs it for records indexed under older rules.
    /// </summary>
    public void IndexForSearch()
    {
        if (IsErased)
        {
            return;
        }

        NormalisedFullName = SearchText.Normalise(GivenName + " " + FamilyName);
        SortName = SearchText.Normalise(FamilyName + " " + GivenName);

        var terms = SearchText.TermsFor(GivenName, FamilyName, Email, Phone);
        _searchTerms.RemoveAll(t => !terms.Contains(t.Term));
        _searchTerms.ForEach(t => t.SortName = SortName);
        foreach (var term in terms.Where(term => _searchTerms.All(t => t.Term != term)))
        {
            _searchTerms.Add(new ClientSearchTerm(Id, term, SortName, IsArchived));
        }

        var fragments = SearchText.FragmentsFor(GivenName, FamilyName, Phone);
        _searchFragments.RemoveAll(f => !fragments.Contains(f.Fragment));
        _searchFragments.ForEach(f => f.SortName = SortName);
        var kept = _searchFragments.Select(f => f.Fragment).ToHashSet(StringComparer.Ordinal);
        foreach (var fragment in fragments.Where(kept.Add))
        {
            _searchFragments.Add(new ClientSearchFragment(Id, fragment, SortName, IsArchived));
        }

        SearchIndexVersion = CurrentSearchIndexVersion;
    }

    private void EnsureNotErased()
    {
        if (IsErased)
        {
            throw new SharedKernel.Errors.BusinessRuleException("client.erased", "This client's record was erased and can no longer be changed.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// Who changes a care team: a therapist acting on their own account (held to the team rule) or the clinic — a
/// manager, reception, the system — which may set any team.
/// </summary>
/// <param name="TherapistId">The therapist's profile when the editor signed in as a therapist; null for the clinic.</param>
internal readonly record struct CareTeamEditor(Guid? TherapistId)
{
    public static CareTeamEditor Clinic => new(null);

    public static CareTeamEditor Therapist(Guid therapistId) => new(therapistId);
}

/// <summary>What a care-team change did: the therapists it added, and whether the managers must hear of it.</summary>
internal sealed record CareTeamChange(IReadOnlyList<Guid> Added, bool ManagersToBeTold)
{
    public const string NotOnTheTeam = "care-team.not-a-member";
}

/// <summary>A therapist who treats the client; position 0 is the preferred one.</summary>
internal sealed class CareTeamMember(Guid clientId, Guid therapistId, int position)
{
    public Guid ClientId { get; private set; } = clientId;

    public Guid TherapistId { get; private set; } = therapistId;

    public int Position { get; private set; } = position;
}

internal sealed class ContactPreferenceSetting(Guid clientId, ContactKind kind, ContactChannel channel, bool allowed)
{
    public Guid ClientId { get; private set; } = clientId;

    public ContactKind Kind { get; private set; } = kind;

    public ContactChannel Channel { get; private set; } = channel;

    public bool Allowed { get; set; } = allowed;
}

/// <summary>
/// One normalised word a client can be found by (a name word, the e-mail, the phone digits). It carries the
/// client's sort name and archived flag, so a search reads one covering index range in result order.
/// </summary>
internal sealed class ClientSearchTerm(Guid clientId, string term, string sortName, bool archived)
{
    public Guid ClientId { get; private set; } = clientId;

    public string Term { get; private set; } = term;

    public string SortName { get; internal set; } = sortName;

    public bool Archived { get; internal set; } = archived;
}

/// <summary>
/// An ending of a name word or of the phone digits (<see cref="SearchText.FragmentsFor"/>): a word found inside a
/// word is the start of one. Shaped like <see cref="ClientSearchTerm"/>, so the same covering index walk finds it.
/// </summary>
internal sealed class ClientSearchFragment(Guid clientId, string fragment, string sortName, bool archived)
{
    public Guid ClientId { get; private set; } = clientId;

    public string Fragment { get; private set; } = fragment;

    public string SortName { get; internal set; } = sortName;

    public bool Archived { get; internal set; } = archived;
}
