using MediatR;

namespace PracticeSuite.SharedKernel.Messaging;

/// <summary>A request that changes state. It runs in one transaction of its module (unit-of-work behaviour).</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

/// <summary>A command with no result.</summary>
public interface ICommand : ICommand<Unit>;

/// <summary>A request that only reads. No transaction is opened for it.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;
