using MediconGlobal.Core.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>How a page answers with an XLSX download (ADR 1204).</summary>
public static class XlsxDownload
{
    /// <summary>
    /// The workbook that <paramref name="write"/> writes (through <see cref="XlsxWorkbook"/>), sent as
    /// <paramref name="fileName"/>. It is written to a temporary file that is deleted when the response is sent
    /// (or fails), not to memory: a full-scale report's workbook is tens of megabytes, and Kestrel allows no
    /// synchronous writes to the response itself, which the OpenXML writer makes.
    /// </summary>
    public static FileStreamResult XlsxFile(this PageModel page, Action<Stream> write, string fileName)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(write);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            write(file);
            file.Position = 0;
            return page.File(file, XlsxWorkbook.ContentType, fileName);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
