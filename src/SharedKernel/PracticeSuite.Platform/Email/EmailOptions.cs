using Hangfire;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Jobs;

namespace PracticeSuite.Platform.Email;

/// <summary>The <c>Email</c> configuration section.</summary>
internal sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>
    /// The sender's address of every message, unless a manager gave the clinic its own (<c>/Manage/Clinic</c>); the
    /// name shown is always the clinic's. Its domain names this host in the SMTP greeting.
    /// </summary>
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

    /// <summary>Whether deliveries run as background jobs (tests switch it off and run them directly).</summary>
    public bool BackgroundDelivery { get; set; } = true;

    /// <summary>How long a delivery run holds a message it claimed: longer than any SMTP attempt can take.</summary>
    public TimeSpan ClaimLease => Smtp.Timeout * 2 + TimeSpan.FromMinutes(1);

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

        /// <summary>The name this host gives in its SMTP greeting (EHLO); the sender address's domain when empty.</summary>
        public string? LocalDomain { get; set; }
    }
}

/// <summary>
/// Asks for a delivery run as soon as something is queued, instead of at the recurring job's next time: it enqueues the
/// same job, so every delivery goes through one path and its claims. Called after the queuing change committed.
/// </summary>
internal sealed partial class EmailWakeUp(IBackgroundJobClient jobs, IOptions<EmailOptions> options, ILogger<EmailWakeUp> logger)
{
    public const string DeliveryJobId = JobsComposition.PlatformGroup + "." + DeliveryJobName;
    public const string DeliveryJobName = "email-delivery";

    /// <summary>The recurring run, for retries and for what a wake-up missed.</summary>
    public static DeclaredJob RecurringJob(TimeSpan interval) =>
        DeclaredJob.Every<RunEmailDelivery>(JobsComposition.PlatformGroup, DeliveryJobName, interval,
            "Delivers queued e-mail and retries failed deliveries whose wait is over.");

    public void Signal()
    {
        if (!options.Value.BackgroundDelivery)
        {
            return;
        }

        var requestType = typeof(RunEmailDelivery).AssemblyQualifiedName!;
        try
        {
            jobs.Enqueue<CommandJob>(job => job.RunAsync(DeliveryJobId, "Delivers the e-mail just queued.", requestType, null, CancellationToken.None));
        }
        catch (Exception exception)
        {
            // The message is saved; the recurring run delivers it at its next time.
            LogWakeUpFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue an e-mail delivery run; the recurring run will deliver the message")]
    private static partial void LogWakeUpFailed(ILogger logger, Exception exception);
}
