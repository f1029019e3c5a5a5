using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Modules.Crash;

/// <summary>
/// Listens to the host's messaging diagnostics and, at the step named by <c>Modules:Crash:At</c>
/// (<c>OutboxCommitted</c>, <c>JobsHandedOver</c>, <c>Relayed</c> or <c>InboxBatchHandled</c>), kills the process with SIGKILL —
/// once: the marker file <c>Modules:Crash:Marker</c> records that it did.
/// </summary>
public sealed class CrashModule : IModule
{
    public string Name => "Crash";

    public void Register(ModuleRegistration registration)
    {
        var step = registration.Settings["At"] ?? throw new InvalidOperationException("Modules:Crash:At is required.");
        var marker = registration.Settings["Marker"] ?? throw new InvalidOperationException("Modules:Crash:Marker is required.");
        DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(step, marker));
    }

    private sealed class ListenerObserver(string step, string marker) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "PracticeSuite.Messaging")
            {
                listener.Subscribe(new EventObserver(step, marker), name => name == step);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver(string step, string marker) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != step || File.Exists(marker))
            {
                return;
            }

            File.WriteAllText(marker, step);
            Process.GetCurrentProcess().Kill();
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
