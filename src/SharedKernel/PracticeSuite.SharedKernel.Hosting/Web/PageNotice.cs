using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PracticeSuite.SharedKernel.Hosting.Web;

/// <summary>
/// The one-line confirmation a page shows after an action ("Client registered."). It is kept in TempData so that it
/// survives the redirect that follows every successful post, and the layout shows it once, on the next page.
/// </summary>
public static class PageNotice
{
    private const string Key = "PracticeSuite.Notice";

    public static void SetNotice(this ITempDataDictionary tempData, string notice)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        ArgumentException.ThrowIfNullOrWhiteSpace(notice);
        tempData[Key] = notice;
    }

    /// <summary>The notice left by the previous request, removed as it is read.</summary>
    public static string? TakeNotice(this ITempDataDictionary tempData) =>
        tempData?[Key] as string;
}
