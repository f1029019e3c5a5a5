using PracticeSuite.Modules.Clients.Domain;

namespace PracticeSuite.Modules.Clients.Features.Records;

internal sealed record ClientListItem(Guid Id, string DisplayName, string? Email, string? Phone, DateOnly? DateOfBirth, bool Archived, bool Visible = true)
{
    public static readonly System.Linq.Expressions.Expression<Func<Client, ClientListItem>> Projection = c =>
        new ClientListItem(c.Id, c.ErasedAt == null ? c.GivenName + " " + c.FamilyName : Client.ErasedName, c.Email, c.Phone, c.DateOfBirth, c.ArchivedAt != null, true);
}
