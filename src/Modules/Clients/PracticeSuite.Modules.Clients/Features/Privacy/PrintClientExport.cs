using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Privacy;

internal sealed record PrintedExport(string FileName, byte[] Content);

/// <summary>
/// The export as a printable PDF on the clinic's letterhead (manager, or the client themself): the same sections the
/// export page shows, in plain words. Audited as its own read, beside the page's and the JSON download's.
/// </summary>
internal sealed record PrintClientExport(Guid ClientId) : IQuery<PrintedExport>, IClientRecordRequest, IAuditedRequest<PrintedExport>
{
    public AuditSubject DescribeAudit(PrintedExport _) => ClientAudit.OnRecord(ClientAudit.RecordPrinted, ClientId);
}

internal sealed class PrintClientExportHandler(
    ClientAccess access,
    IEnumerable<IPersonalDataSection> sections,
    ClinicCalendar calendar,
    ClientsDbContext db,
    ITherapistDirectory therapists,
    IPdfDocuments pdf) : IRequestHandler<PrintClientExport, PrintedExport>
{
    public async Task<PrintedExport> Handle(PrintClientExport request, CancellationToken cancellationToken)
    {
        await access.EnsureSelfAsync(request.ClientId, orManager: true, cancellationToken);
        var (document, exportedAt) = await ReadableExport.BuildAsync(request.ClientId, sections, calendar, db, therapists, cancellationToken);
        var content = await pdf.RenderAsync(document, cancellationToken);
        return new PrintedExport($"personal-data-{calendar.ToClinicTime(exportedAt):yyyy-MM-dd}.pdf", content);
    }
}

/// <summary>
/// The export page (manager, or the client themself): the same readable document the PDF prints, shown as a page.
/// Audited as the export it is.
/// </summary>
internal sealed record ReadClientExport(Guid ClientId) : IQuery<PrintableDocument>, IClientRecordRequest, IAuditedRequest<PrintableDocument>
{
    public AuditSubject DescribeAudit(PrintableDocument _) => ClientAudit.OnRecord(ClientAudit.RecordExported, ClientId);
}

internal sealed class ReadClientExportHandler(
    ClientAccess access,
    IEnumerable<IPersonalDataSection> sections,
    ClinicCalendar calendar,
    ClientsDbContext db,
    ITherapistDirectory therapists) : IRequestHandler<ReadClientExport, PrintableDocument>
{
    public async Task<PrintableDocument> Handle(ReadClientExport request, CancellationToken cancellationToken)
    {
        await access.EnsureSelfAsync(request.ClientId, orManager: true, cancellationToken);
        return (await ReadableExport.BuildAsync(request.ClientId, sections, calendar, db, therapists, cancellationToken)).Document;
    }
}

/// <summary>Every module's section of a client's data, gathered and put in words: what the page shows and the PDF prints.</summary>
internal static class ReadableExport
{
    public static async Task<(PrintableDocument Document, DateTime ExportedAt)> BuildAsync(
        Guid clientId, IEnumerable<IPersonalDataSection> sections, ClinicCalendar calendar, ClientsDbContext db, ITherapistDirectory therapists,
        CancellationToken cancellationToken)
    {
        var export = await ExportClientDataHandler.GatherAsync(clientId, sections, calendar, cancellationToken);
        var name = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => c.GivenName + " " + c.FamilyName).SingleOrDefaultAsync(cancellationToken);
        var staff = (await therapists.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.DisplayName);
        return (new ExportPrintout(calendar, staff).Build(export, name ?? ""), export.ExportedAt);
    }
}

/// <summary>
/// Turns an export's JSON into a printable document a person can read: labels in words, times in the clinic's time
/// zone to the minute, intake keys as their questions and conditions, therapists by name, and no internal ids.
/// Flat lists become tables; lists of richer entries get a heading per entry.
/// </summary>
internal sealed partial class ExportPrintout(ClinicCalendar calendar, IReadOnlyDictionary<Guid, string> therapists)
{
    public const string Title = "Personal data export";

    public PrintableDocument Build(ClientExport export, string clientName) =>
        new(Title,
            $"{(string.IsNullOrWhiteSpace(clientName) ? "" : clientName.Trim() + " · ")}exported {Local(export.ExportedAt)} ({ClinicCalendar.PlaceName(calendar.TimeZoneId)} time)",
            export.Sections.Select(section => new PrintableSection(section.Name, Blocks(section.Data))).ToList());

    private List<PrintableBlock> Blocks(JsonElement data)
    {
        var blocks = new List<PrintableBlock>();
        if (data.ValueKind == JsonValueKind.Object)
        {
            AddObject(blocks, data, context: null);
        }
        else
        {
            AddNested(blocks, "Entries", data, context: null);
        }

        return blocks;
    }

    private void AddObject(List<PrintableBlock> blocks, JsonElement item, string? context)
    {
        var fields = new List<PrintableField>();
        var nested = new List<JsonProperty>();
        foreach (var property in item.EnumerateObject())
        {
            if (IsFlat(property.Value))
            {
                if (Field(property.Name, property.Value) is { } field)
                {
                    fields.Add(field);
                }
            }
            else
            {
                nested.Add(property);
            }
        }

        if (fields.Count > 0)
        {
            blocks.Add(new PrintableFields(fields));
        }

        foreach (var property in nested)
        {
            AddNested(blocks, Label(property.Name), property.Value, context);
        }
    }

    private void AddNested(List<PrintableBlock> blocks, string label, JsonElement value, string? context)
    {
        var heading = context is null ? label : $"{context} · {label}";
        blocks.Add(new PrintableHeading(heading));
        if (value.ValueKind == JsonValueKind.Object)
        {
            AddObject(blocks, value, heading);
            return;
        }

        var items = value.EnumerateArray().ToList();
        if (items.Count == 0)
        {
            blocks.Add(new PrintableParagraph("None."));
            return;
        }

        if (items.All(i => i.ValueKind == JsonValueKind.Object && i.EnumerateObject().All(p => IsFlat(p.Value))))
        {
            blocks.Add(Table(items));
            return;
        }

        for (var index = 0; index < items.Count; index++)
        {
            var entry = $"{heading} {index + 1} of {items.Count}";
            if (items[index].ValueKind == JsonValueKind.Object)
            {
                blocks.Add(new PrintableHeading(entry));
                AddObject(blocks, items[index], entry);
            }
            else
            {
                blocks.Add(new PrintableParagraph(Value("", items[index]) ?? "—"));
            }
        }
    }

    /// <summary>A list of flat entries as a table whose columns are the fields that print (ids have none).</summary>
    private PrintableTable Table(List<JsonElement> items)
    {
        var names = items.SelectMany(i => i.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal)
            .Where(name => items.Any(i => i.TryGetProperty(name, out var v) && Field(name, v) is not null))
            .ToList();
        var columns = names.Select(name => items.Select(i => i.TryGetProperty(name, out var v) ? Field(name, v)?.Label : null).FirstOrDefault(l => l is not null) ?? Label(name)).ToList();
        var rows = items.Select(i => (IReadOnlyList<string>)names.Select(name => i.TryGetProperty(name, out var v) ? Field(name, v)?.Value ?? "" : "").ToList()).ToList();
        return new PrintableTable(columns, rows);
    }

    /// <summary>A field in words, or null for what a person has no use for (an internal id).</summary>
    private PrintableField? Field(string name, JsonElement value)
    {
        switch (name)
        {
            case "id":
                return null;
            case "therapistId":
                return value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var therapistId)
                    ? new PrintableField("Therapist", therapists.GetValueOrDefault(therapistId, "A therapist no longer at the clinic"))
                    : null;
            case "questionKey":
                return new PrintableField("Question", ScreeningQuestions.Find(value.GetString())?.Text ?? value.GetString() ?? "");
            case "yes":
                return new PrintableField("Answer", value.ValueKind == JsonValueKind.True ? "Yes" : "No");
            case "conditionKeys":
                return new PrintableField("Conditions", List(value, key => CommonConditions.NameOf(key)));
            case "bodyAreaCodes":
                return new PrintableField("Body areas", List(value, code => BodyAreas.Find(code)?.Name ?? code));
            case "ipAddress":
                return new PrintableField("From the internet address", Value(name, value) ?? "");
        }

        if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out _))
        {
            return null; // another record's id: nothing a reader can look up
        }

        return new PrintableField(Label(name), value.ValueKind == JsonValueKind.Array ? List(value, item => item) : Value(name, value) ?? "");
    }

    /// <summary>A value that prints on one row: not an object, and not a list of objects or lists.</summary>
    private static bool IsFlat(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => false,
        JsonValueKind.Array => value.EnumerateArray().All(i => i.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)),
        _ => true,
    };

    private string? Value(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => Text(name, value.GetString() ?? ""),
        _ => value.GetRawText(),
    };

    private string Text(string name, string text)
    {
        if (DateTimeStamp().IsMatch(text) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            return Local(utc); // stored in UTC (ADR 0008), read in the clinic's time, to the minute
        }

        // Enumerations are stored by their names (RequiresPhysicianClearance); a person reads words.
        return name is "kind" or "channel" or "outcome" or "pressurePreference" ? Words(text) : text;
    }

    private string List(JsonElement value, Func<string, string> name)
    {
        var items = value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? name(i.GetString() ?? "") : i.GetRawText()).ToList()
            : [];
        return items.Count == 0 ? "None" : string.Join(", ", items);
    }

    private string Local(DateTime utc) => calendar.ToClinicTime(utc).ToString(ClinicCalendar.DisplayFormat, CultureInfo.InvariantCulture);

    /// <summary>"givenName" → "Given name"; "RequiresPhysicianClearance" → "Requires physician clearance".</summary>
    public static string Label(string name) => Words(name);

    private static string Words(string name)
    {
        var spaced = CapitalInsideWord().Replace(name, " $1").ToLowerInvariant();
        return spaced.Length == 0 ? name : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CapitalInsideWord();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex DateTimeStamp();
}
