using System.Text;

namespace MediconGlobal.Core.Text;

/// <summary>The character encodings an uploaded text file is read in (issue 13 item 2, docs/data-quality.md).</summary>
public enum TextEncoding
{
    /// <summary>UTF-8, with or without a byte-order mark (plain ASCII reads as UTF-8 too).</summary>
    Utf8,

    /// <summary>UTF-16 with a byte-order mark, as Excel's "Unicode text" saves.</summary>
    Utf16,

    /// <summary>Windows-1252 (Western European), as Excel's plain "CSV" saves on Windows: "–" is 0x96, "€" is 0x80.</summary>
    Windows1252,
}

/// <summary>
/// An uploaded file's bytes as text: <see cref="Text"/> and the <see cref="Encoding"/> it was read in, or
/// <see cref="Text"/> null when the bytes are not text in any encoding the portal reads (then
/// <see cref="BadByte"/> is the first offending byte and <see cref="BadByteAt"/> its zero-based offset).
/// </summary>
public sealed record UploadedTextReading(string? Text, TextEncoding Encoding, byte BadByte = 0, long BadByteAt = -1)
{
    public bool IsRead => Text is not null;
}

/// <summary>
/// The one rule for turning an uploaded file's bytes into text. A byte-order mark decides; without one a file
/// that is valid UTF-8 is UTF-8 (strictly checked: one invalid sequence and it is not), and anything else is
/// Windows-1252 — never Latin-1, which reads Excel's "–" (0x96) and "€" (0x80) as the invisible control
/// characters U+0096 and U+0080. The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
/// mean the file is in neither encoding and it is refused rather than guessed.
/// </summary>
public static class UploadedText
{
    private static readonly byte[] Undefined1252 = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    /// <summary>Reads <paramref name="bytes"/> as text by the rule above. The byte-order mark is not part of the text.</summary>
    public static UploadedTextReading Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]))
        {
            return Strict(StrictUtf8, bytes, 3, TextEncoding.Utf8);
        }

        if (bytes.AsSpan().StartsWith((byte[])[0xFF, 0xFE]))
        {
            return Strict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2, TextEncoding.Utf16);
        }

        if (bytes.AsSpan().StartsWith((byte[])[0xFE, 0xFF]))
        {
            return Strict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2, TextEncoding.Utf16);
        }

        if (Strict(StrictUtf8, bytes, 0, TextEncoding.Utf8) is { IsRead: true } utf8)
        {
            return utf8;
        }

        var undefined = bytes.AsSpan().IndexOfAny(Undefined1252);
        return undefined >= 0
            ? new UploadedTextReading(null, TextEncoding.Windows1252, bytes[undefined], undefined)
            : Strict(Windows1252, bytes, 0, TextEncoding.Windows1252);
    }

    /// <summary>The name a person recognises from a "Save as" dialogue: "UTF-8", "UTF-16", "Windows-1252".</summary>
    public static string Name(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Utf8 => "UTF-8",
        TextEncoding.Utf16 => "UTF-16",
        _ => "Windows-1252",
    };

    private static UploadedTextReading Strict(Encoding encoding, byte[] bytes, int start, TextEncoding name)
    {
        try
        {
            return new UploadedTextReading(encoding.GetString(bytes, start, bytes.Length - start), name);
        }
        catch (DecoderFallbackException exception)
        {
            var at = start + Math.Max(exception.Index, 0);
            return new UploadedTextReading(null, name, exception.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : bytes[Math.Min(at, bytes.Length - 1)], at);
        }
    }
}
