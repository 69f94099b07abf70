using System.Text;

namespace MediconGlobal.Web.Infrastructure.Localisation;

/// <summary>
/// Pseudo-localisation: "Save offer" becomes "⟦Šåṽé öƒƒéŕ⟧". Letters are accented and the text bracketed, while
/// format placeholders (<c>{0}</c>, <c>{PropertyName}</c>) stay intact so formatting still works. The brackets are
/// characters no real text uses, so a test can tell localised text from text that bypassed the localiser.
/// </summary>
public static class PseudoText
{
    public const char Open = '⟦';
    public const char Close = '⟧';

    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Accented = "åƀçðéƒĝĥíĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÍĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

    public static string Transform(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 2).Append(Open);
        var inPlaceholder = false;
        foreach (var c in text)
        {
            inPlaceholder = c == '{' || (inPlaceholder && c != '}');
            var index = inPlaceholder ? -1 : Plain.IndexOf(c, StringComparison.Ordinal);
            result.Append(index < 0 ? c : Accented[index]);
        }

        return result.Append(Close).ToString();
    }
}
