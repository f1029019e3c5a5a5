using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.SharedKernel.Hosting.Web;

/// <summary>
/// <c>&lt;clinic-time utc="@instant" /&gt;</c>: a stored UTC instant as staff and clients read it, in one format
/// ("20 Nov 2026, 10:00"), in a <c>&lt;time&gt;</c> element that keeps the exact UTC instant for machines and as a
/// tooltip. Staff pages show the clinic's time. Client pages pass the client's own zone, <c>zone="@timeZoneId"</c>:
/// when it differs from the clinic's, the time is the client's and both zones are named ("20 Nov 2026, 16:00 Paris
/// time (10:00 New York time)"). Nothing is written for a missing instant. A module's pages take it with
/// <c>@addTagHelper *, PracticeSuite.SharedKernel.Hosting</c> (docs/adr/0008).
/// </summary>
[HtmlTargetElement("clinic-time", Attributes = "utc", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ClinicTimeTagHelper(ClinicCalendar calendar) : TagHelper
{
    private const string Format = ClinicCalendar.DisplayFormat;

    public DateTime? Utc { get; set; }

    /// <summary>The reader's IANA time zone (a client's), if it may differ from the clinic's.</summary>
    public string? Zone { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Utc is not { } stored)
        {
            output.SuppressOutput();
            return;
        }

        var utc = DateTime.SpecifyKind(stored, DateTimeKind.Utc);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("title", utc.ToString(Format, CultureInfo.InvariantCulture) + " UTC");
        output.Content.SetContent(calendar.ForReader(utc, Zone));
    }
}
