namespace PracticeSuite.Modules.Scheduling.Domain;

/// <summary>Something the clinic books: its length, the time kept free after it, who offers it and where.</summary>
internal sealed class Service
{
    public const int MaxDurationMinutes = 8 * 60;
    public const int MaxBufferMinutes = 120;

    private readonly List<ServiceTherapist> _therapists = [];

    private Service()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public int DurationMinutes { get; private set; }

    public int BufferAfterMinutes { get; private set; }

    /// <summary>Talking and assessment only: no hands-on work.</summary>
    public bool IsConsultation { get; private set; }

    public bool OnlineBooking { get; private set; }

    public bool NeedsApproval { get; private set; }

    public bool NeedsRoom { get; private set; }

    public bool Retired { get; private set; }

    public int Position { get; private set; }

    public IReadOnlyList<ServiceTherapist> Therapists => _therapists;

    public bool IsOfferedBy(Guid therapistId) => _therapists.Any(t => t.TherapistId == therapistId);

    public static Service Create(Guid id, ServiceDefinition definition, int position)
    {
        var service = new Service { Id = id, Position = position };
        service.Update(definition);
        return service;
    }

    public void Update(ServiceDefinition definition)
    {
        Name = definition.Name.Trim();
        DurationMinutes = definition.DurationMinutes;
        BufferAfterMinutes = definition.BufferAfterMinutes;
        IsConsultation = definition.IsConsultation;
        OnlineBooking = definition.OnlineBooking;
        NeedsApproval = definition.NeedsApproval;
        NeedsRoom = definition.NeedsRoom;
        _therapists.RemoveAll(t => !definition.TherapistIds.Contains(t.TherapistId));
        foreach (var therapistId in definition.TherapistIds.Distinct().Where(id => !IsOfferedBy(id)))
        {
            _therapists.Add(new ServiceTherapist(Id, therapistId));
        }
    }

    public void Retire() => Retired = true;

    public void Reinstate() => Retired = false;
}

internal sealed record ServiceTherapist(Guid ServiceId, Guid TherapistId);

internal sealed record ServiceDefinition(
    string Name, int DurationMinutes, int BufferAfterMinutes, bool IsConsultation, bool OnlineBooking, bool NeedsApproval, bool NeedsRoom,
    IReadOnlyCollection<Guid> TherapistIds);

/// <summary>A treatment room: one appointment at a time.</summary>
internal sealed class Room
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public bool Retired { get; set; }
}
