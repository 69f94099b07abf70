using System.Text;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Import;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Text;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Admin.Import;

/// <summary>
/// CSV import for administrators in two steps: "check" shows every row as new, changed, unchanged or invalid;
/// "import" checks the same text again and writes it only when every row is valid. The checked text travels in
/// a hidden field, so nothing is stored between the steps.
/// </summary>
[Authorize(Policy = Policies.Administration)]
// Forms up to the request limit are read, so a file over MaxUploadBytes gets a message rather than an error page.
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
[RequestSizeLimit(MaxRequestBytes)]
public class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxUploadBytes = CsvImporter.MaxLength;

    private const int MaxRequestBytes = CsvImporter.MaxLength * 4;

    private readonly CsvImporter _importer = new(db, clock);

    [BindProperty]
    public ImportKind? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The checked file's text, posted back by the "import" step (Base64, so line breaks survive the form).</summary>
    [BindProperty]
    public string? Checked { get; set; }

    public ImportPreview? Preview { get; private set; }

    /// <summary>The encoding the checked file was read in, shown with the preview so a wrong guess is visible.</summary>
    public TextEncoding? ReadAs { get; private set; }

    public IActionResult OnGetTemplate(ImportKind kind) =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(CsvImporter.Template(kind))).ToArray(), "text/csv; charset=utf-8", $"{kind.ToString().ToLowerInvariant()}-template.csv");

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(nameof(Kind), t["Choose what the file contains."]);
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose a CSV file to check."]);
        }
        else if (Upload.Length > MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Upload), t["The file is larger than {0} MB; split it into smaller files.", MaxUploadBytes / 1_000_000]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var reading = await ReadTextAsync(Upload!, cancellationToken);
        if (reading.Text is not { } csv)
        {
            ModelState.AddModelError(nameof(Upload), t["The file is neither UTF-8 nor Windows-1252 text (byte 0x{0:X2} at position {1}). Save it from your spreadsheet program as “CSV UTF-8” and check it again.", reading.BadByte, reading.BadByteAt + 1]);
            return Page();
        }

        ReadAs = reading.Encoding;
        Checked = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv));
        Preview = await _importer.PreviewAsync(Kind!.Value, csv, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (Kind is not { } kind || !Enum.IsDefined(kind) || Decode(Checked) is not { } csv)
        {
            ModelState.AddModelError(string.Empty, t["Nothing to import: check a file first."]);
            return Page();
        }

        var result = await _importer.ImportAsync(kind, csv, cancellationToken);
        if (!result.Written)
        {
            Preview = result.Preview;
            ModelState.AddModelError(string.Empty, t["Nothing was written: the file no longer passes the checks. Fix the rows marked invalid and check it again."]);
            return Page();
        }

        var preview = result.Preview;
        TempData["Message"] = t["Imported {0}: {1} new, {2} changed, {3} unchanged.", t[kind.ToString()].Value.ToLowerInvariant(), preview.Count(RowOutcome.New), preview.Count(RowOutcome.Changed), preview.Count(RowOutcome.Unchanged)].Value;
        return RedirectToPage();
    }

    private static string? Decode(string? base64)
    {
        var buffer = new byte[((base64?.Length ?? 0) * 3 / 4) + 3];
        return base64 is { Length: > 0 } && Convert.TryFromBase64String(base64, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }

    /// <summary>The file's bytes as text by the portal's one rule for uploads (<see cref="UploadedText"/>).</summary>
    private static async Task<UploadedTextReading> ReadTextAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return UploadedText.Read(buffer.ToArray());
    }
}
