using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;
using QRCoder;

namespace PracticeSuite.Platform.Accounts;

/// <summary>
/// Two-step sign-in for staff (issue 17, ADR 0021): a code from an authenticator app (TOTP, Identity's own
/// <see cref="AuthenticatorTokenProvider{TUser}"/>) after the password, or one of ten single-use recovery codes.
/// Turning it on or off ends the account's sessions (the security stamp changes) and continues this browser in a new
/// one; every change is in the audit trail.
/// </summary>
internal sealed class TwoStepSignIn(
    AccountsDbContext db,
    UserManager<PracticeUser> users,
    IUserStore<PracticeUser> store,
    SignInManager<PracticeUser> signIn,
    SignInSessions sessions,
    AccountAudit audit)
{
    /// <summary>The claim a sign-in carries when the account has two-step sign-in on (read by <see cref="TwoStepRequirement"/>).</summary>
    public const string ClaimType = "practicesuite:two_step";

    public const int RecoveryCodeCount = 10;

    public const string WrongSetupCode =
        "That code did not match. Check that the app shows this account, type the six digits it shows now, and try again.";

    /// <summary>Managers, therapists and reception; clients sign in with a password alone.</summary>
    public static bool IsFor(ClaimsPrincipal user) =>
        user.IsInRole(nameof(PracticeRole.Manager)) || user.IsInRole(nameof(PracticeRole.Therapist)) || user.IsInRole(nameof(PracticeRole.Reception));

    /// <summary>
    /// The key the app is to be given: the one already stored for an unfinished set-up, otherwise a new one. Stored
    /// directly (not with <c>ResetAuthenticatorKeyAsync</c>) so that merely showing the set-up does not change the
    /// security stamp and sign out the person's other browsers; nothing signs in with it until a code confirms it.
    /// </summary>
    public async Task<string> SetupKeyAsync(PracticeUser user)
    {
        if (user.TwoFactorEnabled)
        {
            throw new InvalidOperationException("Two-step sign-in is already on for this account.");
        }

        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return key;
        }

        key = users.GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<PracticeUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        Check(await users.UpdateAsync(user));
        return key;
    }

    /// <summary>
    /// Turns two-step sign-in on when <paramref name="code"/> is the app's current code for the stored key: the
    /// recovery codes to show once, or null (the wrong code is audited and nothing changes).
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(PracticeUser user, string? code, CancellationToken cancellationToken)
    {
        if (user.TwoFactorEnabled)
        {
            throw new InvalidOperationException("Two-step sign-in is already on for this account.");
        }

        if (NormalisedCode(code) is not { } digits
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            await RecordAsync(AccountAudit.TwoStepCodeRefused, user);
            return null;
        }

        IReadOnlyList<string> recoveryCodes;
        await using (var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken))
        {
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            recoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? throw new InvalidOperationException("The recovery codes were not stored.")];
            await transaction.CommitAsync(cancellationToken);
        }

        await RecordAsync(AccountAudit.TwoStepEnabled, user);
        await ContinueInNewSessionAsync(user, "two-step-enabled", cancellationToken);
        return recoveryCodes;
    }

    /// <summary>Ten new recovery codes; the earlier ones stop working.</summary>
    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(PracticeUser user)
    {
        if (!user.TwoFactorEnabled)
        {
            throw new InvalidOperationException("Two-step sign-in is off for this account: it has no recovery codes.");
        }

        IReadOnlyList<string> codes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? throw new InvalidOperationException("The recovery codes were not stored.")];
        await RecordAsync(AccountAudit.RecoveryCodesRenewed, user);
        return codes;
    }

    /// <summary>
    /// Turns it off (the caller has checked the password): the key and the recovery codes are discarded, so setting it
    /// up again starts with a new key the old phone does not have.
    /// </summary>
    public async Task DisableAsync(PracticeUser user, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken))
        {
            Check(await users.SetTwoFactorEnabledAsync(user, false));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            _ = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) ?? throw new InvalidOperationException("The recovery codes were not removed.");
            await transaction.CommitAsync(cancellationToken);
        }

        await RecordAsync(AccountAudit.TwoStepDisabled, user);
        await ContinueInNewSessionAsync(user, "two-step-disabled", cancellationToken);
    }

    public async Task<int> RecoveryCodesLeftAsync(PracticeUser user) => await users.CountRecoveryCodesAsync(user);

    /// <summary>Digits only (spaces and dashes a person types between groups are dropped); null when it cannot be a code.</summary>
    public static string? NormalisedCode(string? code)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The key as it is shown for typing: groups of four characters.</summary>
    public static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(i == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return grouped.ToString();
    }

    /// <summary>The otpauth:// address the app reads from the QR code (Key Uri Format: issuer and account, 6 digits, 30 s).</summary>
    public static string AuthenticatorUri(string issuer, string account, string key)
    {
        // A colon separates issuer and account in the label, so neither may contain one.
        var cleanIssuer = Uri.EscapeDataString(issuer.Replace(":", "", StringComparison.Ordinal).Trim());
        var cleanAccount = Uri.EscapeDataString(account.Replace(":", "", StringComparison.Ordinal));
        return $"otpauth://totp/{cleanIssuer}:{cleanAccount}?secret={key}&issuer={cleanIssuer}&digits=6&period=30";
    }

    /// <summary>The QR code of <paramref name="uri"/> as an SVG drawn on the server (no script, no image request).</summary>
    public static string QrCodeSvg(string uri, string description)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(240, 240), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var label = System.Net.WebUtility.HtmlEncode(description);
        return svg[start..].Insert(4, $" role=\"img\" aria-label=\"{label}\" class=\"qr-code\"");
    }

    /// <summary>
    /// The security stamp changed, so every session of the account ends (as with a new password) and this browser
    /// continues in a new one whose claims say whether two-step sign-in is on.
    /// </summary>
    private async Task ContinueInNewSessionAsync(PracticeUser user, string reason, CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(user.Id, reason, cancellationToken);
        await signIn.RefreshSignInAsync(user);
    }

    private async Task RecordAsync(AuditAction action, PracticeUser user) =>
        await audit.RecordAsync(action, user.Id, (await users.GetRolesAsync(user)).FirstOrDefault(), user.Id);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
