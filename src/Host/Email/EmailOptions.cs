namespace PracticeSuite.Host.Email;

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender of every message.</summary>
    public string From { get; set; } = "PracticeSuite <no-reply@practicesuite.local>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where messages are written as .eml files when no SMTP host is set; <c>&lt;Storage:DataDirectory&gt;/mail</c> when empty.</summary>
    public string? Folder { get; set; }

    /// <summary>Attempts before a message is given up.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; it doubles after each further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the delivery run looks for due messages (it also wakes when a message is queued).</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether this process runs deliveries in the background (tests switch it off and run them directly).</summary>
    public bool BackgroundDelivery { get; set; } = true;

    public sealed class SmtpOptions
    {
        /// <summary>The SMTP server; empty means "write to the folder".</summary>
        public string? Host { get; set; }

        public int Port { get; set; } = 25;

        /// <summary>Upgrade the connection with STARTTLS.</summary>
        public bool UseTls { get; set; }

        public string? UserName { get; set; }

        public string? Password { get; set; }

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    }
}

/// <summary>Wakes the delivery run as soon as something is queued, instead of at its next interval.</summary>
public sealed class EmailWakeUp
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every message queued before the run starts.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
