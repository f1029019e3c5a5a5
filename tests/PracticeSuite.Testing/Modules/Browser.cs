using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Testing;

/// <summary>For module page tests: reads pages with AngleSharp and submits their forms as a browser would (antiforgery cookie and token included).</summary>
public sealed class Browser(HttpClient client)
{
    public static Browser For(ModuleFactory factory, PracticeRole role, string userId, Guid? clientId = null, Guid? therapistId = null) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).As(role, userId, clientId, therapistId));

    public HttpClient Http => client;

    public async Task<IHtmlDocument> OpenAsync(string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 2000)]}");
        return Parse(html, url);
    }

    public async Task<HttpStatusCode> StatusAsync(string url) => (await client.GetAsync(url)).StatusCode;

    /// <summary>Submits <paramref name="form"/> with its current values, changed by <paramref name="changes"/> (a null value removes the field).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string?>? changes = null, string? pageUrl = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when string.IsNullOrEmpty(input.Name) || input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }

        foreach (var (name, value) in changes ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        var action = form.GetAttribute("action") is { Length: > 0 } explicitAction ? explicitAction : pageUrl ?? form.Owner!.Url;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Submits and expects the page again (400-free re-render with messages).</summary>
    public async Task<IHtmlDocument> SubmitExpectingPageAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string?> changes, string pageUrl)
    {
        var response = await SubmitAsync(form, changes, pageUrl);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {pageUrl}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 2000)]}");
        return Parse(html, pageUrl);
    }

    public static async Task<string> RedirectTargetAsync(Task<HttpResponseMessage> post)
    {
        var response = await post;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}: {(await response.Content.ReadAsStringAsync())[..Math.Min(2000, (int)(response.Content.Headers.ContentLength ?? 2000))]}");
        return response.Headers.Location!.OriginalString;
    }

    private static IHtmlDocument Parse(string html, string url)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document;
    }
}

public static class DocumentExtensions
{
    public static IHtmlFormElement Form(this IHtmlDocument document, string selector = "main form[method=post]") =>
        document.QuerySelector<IHtmlFormElement>(selector) ?? throw new Xunit.Sdk.XunitException($"No form matches {selector}.");

    public static IReadOnlyList<string> FieldErrors(this IHtmlDocument document) =>
        // Each message once, whether it shows beside its field, in the summary at the top, or both.
        document.QuerySelectorAll(".field-error, .error-summary li, .validation-summary-errors li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();
}
