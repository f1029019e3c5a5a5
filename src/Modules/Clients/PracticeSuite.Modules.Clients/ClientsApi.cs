using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Features.Consent;
using PracticeSuite.Modules.Clients.Features.Intakes;
using PracticeSuite.Modules.Clients.Features.Privacy;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.Modules.Clients.Features.Screening;
using PracticeSuite.Modules.Clients.Features.Search;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients;

/// <summary>
/// The JSON API under <c>/api/clients</c>. Each endpoint names its policy; handlers add the record-level
/// checks (a record the caller may not see is a 404). Responses are typed (<c>TypedResults</c>) so the API document
/// shows them; errors are ProblemDetails from the platform's handler, declared for every module endpoint.
/// </summary>
internal static class ClientsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        // Lists and registration: the clinic's staff.
        api.MapGet("/", (string? q, bool? includeArchived, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                m.Send(new SearchClients(q, includeArchived ?? false, page ?? 1, pageSize ?? SearchClients.DefaultPageSize), ct))
            .RequireAuthorization(Policies.Staff);
        api.MapGet("/duplicates", (string? email, string? givenName, string? familyName, DateOnly? dateOfBirth, IMediator m, CancellationToken ct) =>
                m.Send(new FindLikelyDuplicates(email, givenName, familyName, dateOfBirth), ct))
            .RequireAuthorization(Policies.Staff);
        api.MapPost("/", async (RegisterClient command, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(command, ct);
                return TypedResults.Created($"/api/clients/{id}", new ClientCreated(id));
            })
            .RequireAuthorization(Policies.Staff);

        // One record: staff who may see it, or the client themself.
        api.MapGet("/{clientId:guid}", (Guid clientId, IMediator m, CancellationToken ct) => m.Send(new GetClientRecord(clientId), ct))
            .RequireAuthorization(Policies.SignedIn);
        api.MapPut("/{clientId:guid}", async (Guid clientId, UpdateClientDetails command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command with { ClientId = clientId }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.SignedIn);
        api.MapPut("/{clientId:guid}/contact-preferences", async (Guid clientId, UpdateContactPreferences command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command with { ClientId = clientId }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.SignedIn);
        api.MapGet("/{clientId:guid}/contact-preferences", (Guid clientId, IMediator m, CancellationToken ct) => m.Send(new GetContactPreferences(clientId), ct))
            .RequireAuthorization(Policies.SignedIn);
        api.MapGet("/{clientId:guid}/summary", (Guid clientId, IMediator m, CancellationToken ct) => m.Send(new GetClientSummary(clientId), ct))
            .RequireAuthorization(Policies.SignedIn);
        api.MapGet("/{clientId:guid}/care-team", (Guid clientId, IMediator m, CancellationToken ct) => m.Send(new GetCareTeam(clientId), ct))
            .RequireAuthorization(Policies.Staff);
        api.MapPut("/{clientId:guid}/care-team", async (Guid clientId, SetCareTeam command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command with { ClientId = clientId }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff);
        api.MapPost("/{clientId:guid}/archive", async (Guid clientId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new ArchiveClient(clientId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);
        api.MapPost("/{clientId:guid}/restore", async (Guid clientId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RestoreClient(clientId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);
        api.MapPost("/{clientId:guid}/invite", async (Guid clientId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new PortalInvitation(await m.Send(new InviteClientToPortal(clientId), ct))))
            .RequireAuthorization(Policies.Manager);

        // Health information.
        api.MapGet("/{clientId:guid}/intake", async Task<Results<Ok<IntakeView>, NoContent>> (Guid clientId, int? version, IMediator m, CancellationToken ct) =>
                await m.Send(new GetIntake(clientId, version), ct) is { } intake ? TypedResults.Ok(intake) : TypedResults.NoContent())
            .RequireAuthorization(Policies.HealthRecord);
        api.MapPost("/{clientId:guid}/intake", async (Guid clientId, SubmitIntake command, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new VersionSaved(await m.Send(command with { ClientId = clientId }, ct))))
            .RequireAuthorization(Policies.HealthRecord);
        api.MapGet("/{clientId:guid}/flags", (Guid clientId, IMediator m, CancellationToken ct) => m.Send(new GetClientFlags(clientId), ct))
            .RequireAuthorization(Policies.Staff);
        api.MapPost("/{clientId:guid}/flags/{flagId:guid}/clearance", async (Guid clientId, Guid flagId, RecordClearance command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command with { ClientId = clientId, FlagId = flagId }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Clinician);
        api.MapGet("/{clientId:guid}/eligibility", (Guid clientId, IMediator m, CancellationToken ct) => m.Send(new GetTreatmentEligibility(clientId), ct))
            .RequireAuthorization(Policies.Staff);

        // Consent: the clinic's text (manager edits), the client's signature.
        api.MapGet("/consent", (IMediator m, CancellationToken ct) => m.Send(new GetConsentText(), ct))
            .RequireAuthorization(Policies.SignedIn);
        api.MapPut("/consent", async (PublishConsentText command, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new VersionSaved(await m.Send(command, ct))))
            .RequireAuthorization(Policies.Manager);
        api.MapGet("/{clientId:guid}/consent", (Guid clientId, IMediator m, CancellationToken ct) => m.Send(new GetConsentStatus(clientId), ct))
            .RequireAuthorization(Policies.SignedIn);
        api.MapPost("/{clientId:guid}/consent", async (Guid clientId, SignConsent command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command with { ClientId = clientId }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Client);

        // Screening rules (manager).
        api.MapGet("/screening-rules", (IMediator m, CancellationToken ct) => m.Send(new ListScreeningRules(), ct))
            .RequireAuthorization(Policies.Manager);
        api.MapPut("/screening-rules/{questionKey}", async (string questionKey, UpdateScreeningRule command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command with { QuestionKey = questionKey }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);
        api.MapGet("/body-areas", () => BodyAreas.All).RequireAuthorization(Policies.SignedIn);

        // Privacy.
        api.MapGet("/{clientId:guid}/export", async (Guid clientId, IMediator m, CancellationToken ct) =>
                TypedResults.Json(await m.Send(new ExportClientData(clientId), ct), ExportClientDataHandler.Json))
            .RequireAuthorization(Policies.ClientOrManager);
        api.MapGet("/{clientId:guid}/export/pdf", async (Guid clientId, IMediator m, CancellationToken ct) =>
            {
                var printed = await m.Send(new PrintClientExport(clientId), ct);
                return TypedResults.File(printed.Content, "application/pdf", printed.FileName);
            })
            .RequireAuthorization(Policies.ClientOrManager);
        api.MapPost("/{clientId:guid}/erase", async (Guid clientId, EraseClient command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command with { ClientId = clientId }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);
        api.MapGet("/{clientId:guid}/history", (Guid clientId, bool? views, IMediator m, CancellationToken ct) => m.Send(new GetClientHistory(clientId, views ?? false), ct))
            .RequireAuthorization(Policies.Clinician);
    }
}

/// <summary>The answer to a registration: the new record's id (its address is in <c>Location</c>).</summary>
internal sealed record ClientCreated(Guid Id);

/// <summary>The account a portal invitation created or reused.</summary>
internal sealed record PortalInvitation(string UserId);

/// <summary>The version a submitted intake or published consent text became.</summary>
internal sealed record VersionSaved(int Version);
