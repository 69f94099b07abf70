using System.Globalization;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>
/// A taxonomy term as an e-mail names it: its English name and its Swedish and Danish labels, read with the mail's
/// query, named in the culture the mail is composed in (<see cref="MailCulture"/>) by the one label rule
/// <see cref="TermLabels"/>. Term names are data and never go through the string localiser (ADR 1401).
/// </summary>
public sealed record MailTerm(string Name, string? NameSv, string? NameDa)
{
    /// <summary>"Legal, USA": a need's category and, when it has one, its market in the current UI culture.</summary>
    public static string Describe(MailTerm category, MailTerm? market) =>
        market is null ? category.Label : $"{category.Label}, {market.Label}";

    /// <summary>The term's label in the current UI culture.</summary>
    public string Label => TermLabels.Pick(CultureInfo.CurrentUICulture, Name, NameSv, NameDa);
}
