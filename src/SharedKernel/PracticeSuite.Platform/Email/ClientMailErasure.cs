using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Email;

/// <summary>
/// Erases an erased client's e-mail: each message's address, subject and body in the log (the log keeps that a message
/// of its kind went, and when), its attachments, and its <c>.eml</c> file in the mail folder, which holds the whole message.
/// </summary>
internal sealed class ClientMailErasure(AccountsDbContext db, PracticeDatabase database, IOptions<EmailOptions> options)
{
    /// <summary>
    /// The messages recorded for <paramref name="clientId"/>, and those to <paramref name="addresses"/> (the client's
    /// account, for messages queued before they were recorded by client). The caller saves.
    /// </summary>
    public async Task EraseAsync(Guid clientId, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        var messages = await db.Emails.Include(e => e.Attachments)
            .Where(e => e.ClientId == clientId || addresses.Contains(e.Recipient)).ToListAsync(cancellationToken);
        var folder = DeliverQueuedEmailsHandler.MailFolder(options.Value, database);
        foreach (var message in messages)
        {
            message.Erase();
            // The files go whole, names included: a file name can carry the client's name as much as the file does.
            db.EmailAttachments.RemoveRange(message.Attachments);
            // Deleted now, inside the erasure's transaction rather than after it: should the erasure roll back, a copy of
            // mail already delivered is lost, which harms nobody; a crash between commit and deletion would keep it forever.
            DeleteFiles(folder, message.Id);
        }
    }

    /// <summary>The message's file (named <c>…-&lt;id&gt;.eml</c> by the delivery run) and a half-written one beside it.</summary>
    private static void DeleteFiles(string folder, Guid messageId)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, $"*-{messageId:N}.eml*"))
        {
            File.Delete(file);
        }
    }
}
