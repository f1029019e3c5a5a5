using System.Diagnostics;

namespace PracticeSuite.Platform.Messaging;

/// <summary>
/// Observable steps of the outbox and inbox (for tracing and for crash tests that stop the process at a
/// precise step). Payloads carry ids only.
/// </summary>
internal static class MessagingDiagnostics
{
    public const string ListenerName = "PracticeSuite.Messaging";
    public const string OutboxCommitted = "OutboxCommitted";
    public const string JobsHandedOver = "JobsHandedOver";
    public const string Relayed = "Relayed";
    public const string InboxBatchHandled = "InboxBatchHandled";

    public static readonly DiagnosticListener Listener = new(ListenerName);

    public static void Write(string name, object payload)
    {
        if (Listener.IsEnabled(name))
        {
            Listener.Write(name, payload);
        }
    }
}
