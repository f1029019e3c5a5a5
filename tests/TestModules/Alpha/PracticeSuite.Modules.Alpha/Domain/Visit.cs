using PracticeSuite.SharedKernel.Domain;
using PracticeSuite.SharedKernel.Monetary;

namespace PracticeSuite.Modules.Alpha.Domain;

public sealed class Visit : AggregateRoot<Guid>
{
    private Visit()
    {
    }

    public string VisitorName { get; private set; } = "";

    public long FeeMinorUnits { get; private set; }

    public string FeeCurrency { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public Money Fee => Money.Of(FeeMinorUnits, FeeCurrency);

    public static Visit Record(string visitorName, Money fee, DateTime recordedAt)
    {
        var visit = new Visit
        {
            Id = Guid.NewGuid(),
            VisitorName = visitorName,
            FeeMinorUnits = fee.MinorUnits,
            FeeCurrency = fee.Currency.Code,
            RecordedAt = recordedAt,
        };
        visit.Raise(new VisitRecorded(visit.Id, visitorName));
        return visit;
    }
}

public sealed record VisitRecorded(Guid VisitId, string VisitorName) : IDomainEvent;

/// <summary>How often a visitor was recorded; kept by a domain-event handler inside the command's transaction.</summary>
public sealed class VisitorTally
{
    public const int MaxVisits = 3;

    public string VisitorName { get; set; } = "";

    public int Visits { get; set; }
}
