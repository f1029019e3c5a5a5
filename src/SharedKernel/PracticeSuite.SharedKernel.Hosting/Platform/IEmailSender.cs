namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// Queues an e-mail for delivery (SMTP, or .eml files when none is configured). Delivery is recorded and
/// retried by the host; the idempotency key makes a repeated request a no-op.
/// </summary>
public interface IEmailSender
{
    Task QueueAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <param name="Kind">What the message is for, e.g. <c>invitation</c>, <c>appointment-reminder</c>.</param>
/// <param name="IdempotencyKey">The event or command id that caused it: the same key is sent once.</param>
/// <param name="ClientId">The client the message is to or about, if any: erasing the client erases the message from the
/// e-mail log and its file from the mail folder.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody, string Kind, string IdempotencyKey, Guid? ClientId = null);
