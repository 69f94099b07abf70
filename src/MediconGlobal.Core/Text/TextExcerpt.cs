namespace MediconGlobal.Core.Text;

/// <summary>The start of a long text for a list or a card.</summary>
public static class TextExcerpt
{
    /// <summary>
    /// The text itself up to <paramref name="length"/> characters; longer, cut at the last space within the first
    /// <paramref name="length"/> − 5 characters (or there, when a long word leaves no space) and marked "…".
    /// </summary>
    public static string? Of(string? text, int length)
    {
        if (text is null || text.Length <= length)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', length - 5);
        return text[..(space > 0 ? space : length - 5)] + "…";
    }
}
