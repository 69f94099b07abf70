using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace MediconGlobal.Web.Pages.Shared;

/// <summary>
/// Long unbroken text with line-break opportunities (<c>&lt;wbr&gt;</c>) at its natural joints, so a narrow column
/// wraps it there instead of in the middle of a word (issue 14: Danish column headings left e-mail addresses in the
/// users list so little room that <c>text-break</c> split them anywhere).
/// </summary>
public static class BreakPoints
{
    /// <summary>
    /// An e-mail address, HTML-encoded, with a break opportunity before the <c>@</c> and after each dot
    /// ("ann.berg" "@smile." "test"); an empty string for null.
    /// </summary>
    public static IHtmlContent Email(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return HtmlString.Empty;
        }

        var encoded = HtmlEncoder.Default.Encode(address);
        return new HtmlString(encoded.Replace("@", "<wbr>@", StringComparison.Ordinal).Replace(".", ".<wbr>", StringComparison.Ordinal));
    }
}
