using System.Text;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Tests.Text;

public sealed class UploadedTextTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static TheoryData<string, byte[], TextEncoding> Files => new()
    {
        { "ASCII", "Vinnova,SE"u8.ToArray(), TextEncoding.Utf8 },
        { "UTF-8 without BOM", Encoding.UTF8.GetBytes("Malmö Demo Hub – Syd, 100 €"), TextEncoding.Utf8 },
        { "UTF-8 with BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Malmö Demo Hub – Syd, 100 €")], TextEncoding.Utf8 },
        { "UTF-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Malmö Demo Hub – Syd, 100 €")], TextEncoding.Utf16 },
        { "UTF-16 BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Malmö Demo Hub – Syd, 100 €")], TextEncoding.Utf16 },
        { "Windows-1252 (Excel CSV)", Windows1252.GetBytes("Malmö Demo Hub – Syd, 100 €"), TextEncoding.Windows1252 },
        { "Windows-1252 with Nordic letters only", Windows1252.GetBytes("Ærø Øresund Åland"), TextEncoding.Windows1252 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_DetectsTheEncoding_AndReadsTheTextWithoutControlCharacters(string file, byte[] bytes, TextEncoding expected)
    {
        var reading = UploadedText.Read(bytes);

        Assert.True(reading.IsRead, file);
        Assert.Equal(expected, reading.Encoding);
        Assert.DoesNotContain(reading.Text!, char.IsControl);
        Assert.False(reading.Text!.StartsWith('\uFEFF'), "the byte-order mark is not text");
    }

    [Fact]
    public void Read_Windows1252Dash_IsTheDash_NotTheLatin1ControlCharacter()
    {
        var reading = UploadedText.Read([0x96, 0x20, 0x80]);

        Assert.Equal("– €", reading.Text);
        Assert.Equal(TextEncoding.Windows1252, reading.Encoding);
    }

    [Theory]
    [InlineData(0x81)]
    [InlineData(0x8D)]
    [InlineData(0x8F)]
    [InlineData(0x90)]
    [InlineData(0x9D)]
    public void Read_ByteUndefinedInWindows1252_IsRefusedNamingTheByteAndWhere(byte undefined)
    {
        var reading = UploadedText.Read([(byte)'a', (byte)'b', undefined, (byte)'c']);

        Assert.False(reading.IsRead);
        Assert.Equal((undefined, 2L), (reading.BadByte, reading.BadByteAt));
    }

    [Fact]
    public void Read_BrokenUtf8AfterAUtf8Mark_IsRefused()
    {
        var reading = UploadedText.Read([0xEF, 0xBB, 0xBF, (byte)'M', 0xF6, (byte)'x']);

        Assert.False(reading.IsRead);
        Assert.Equal(TextEncoding.Utf8, reading.Encoding);
        Assert.Equal((byte)0xF6, reading.BadByte);
    }
}
