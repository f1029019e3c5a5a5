using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Intakes;

internal sealed record IntakeVersionSummary(int Version, DateTime SubmittedAt, bool SubmittedByStaff);

internal sealed record IntakeView(Guid ClientId, int Version, DateTime SubmittedAt, bool SubmittedByStaff, IntakeAnswers Answers, IReadOnlyList<IntakeVersionSummary> Versions);

/// <summary>A client's intake: the latest version, or the one asked for. Null when the client has none yet.</summary>
internal sealed record GetIntake(Guid ClientId, int? Version = null) : IQuery<IntakeView?>, IClientRecordRequest, IAuditedRequest<IntakeView?>
{
    public AuditSubject? DescribeAudit(IntakeView? intake) =>
        intake is null ? null : new(ClientAudit.IntakeRead, ClientAudit.Intake, intake.Version.ToString(CultureInfo.InvariantCulture), ClientId);
}

internal sealed class GetIntakeHandler(ClientsDbContext db) : IRequestHandler<GetIntake, IntakeView?>
{
    public async Task<IntakeView?> Handle(GetIntake request, CancellationToken cancellationToken)
    {
        var versions = await db.Intakes.AsNoTracking().Where(i => i.ClientId == request.ClientId)
            .OrderByDescending(i => i.Version)
            .Select(i => new IntakeVersionSummary(i.Version, i.SubmittedAt, i.SubmittedByStaff))
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }

        var wanted = request.Version ?? versions[0].Version;
        var intake = await db.Intakes.AsNoTracking().SingleOrDefaultAsync(i => i.ClientId == request.ClientId && i.Version == wanted, cancellationToken)
            ?? throw new NotFoundException("Intake version", wanted);
        return new IntakeView(request.ClientId, intake.Version, intake.SubmittedAt, intake.SubmittedByStaff, IntakeJson.Read(intake.AnswersJson), versions);
    }
}
