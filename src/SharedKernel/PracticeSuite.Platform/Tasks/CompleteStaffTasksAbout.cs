using MediatR;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Tasks;

/// <summary>A module says the work its tasks about a record asked for is done (a clearance recorded).</summary>
internal sealed class CompleteStaffTasksAboutHandler(StaffTaskList tasks) : IRequestHandler<CompleteStaffTasksAbout, int>
{
    public Task<int> Handle(CompleteStaffTasksAbout request, CancellationToken cancellationToken) =>
        tasks.CompleteAboutAsync(request.Module, request.RecordId, cancellationToken);
}
