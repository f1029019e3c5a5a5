using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>A manager-editable row mapping a "yes" to one screening question onto a flag.</summary>
internal sealed class ScreeningRule
{
    private ScreeningRule()
    {
    }

    public ScreeningRule(string questionKey, FlagKind kind, string reason, bool enabled)
    {
        QuestionKey = questionKey;
        Kind = kind;
        Reason = reason;
        Enabled = enabled;
    }

    public string QuestionKey { get; private set; } = "";

    public FlagKind Kind { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>A disabled rule raises no flag (the clinic decided the answer needs none).</summary>
    public bool Enabled { get; private set; }

    public DateTime? UpdatedAt { get; private set; }

    public string? UpdatedByUserId { get; private set; }

    public void Change(FlagKind kind, string reason, bool enabled, DateTime now, string? userId)
    {
        Kind = kind;
        Reason = reason.Trim();
        Enabled = enabled;
        UpdatedAt = now;
        UpdatedByUserId = userId;
    }
}
