using MediatR;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Tasks;

/// <summary>An erased client's tasks are removed with the client's other personal data.</summary>
internal sealed class ForgetClientTasksHandler(StaffTaskList tasks) : IRequestHandler<ForgetClientTasks, int>
{
    public Task<int> Handle(ForgetClientTasks request, CancellationToken cancellationToken) =>
        tasks.ForgetClientAsync(request.ClientId, cancellationToken);
}
