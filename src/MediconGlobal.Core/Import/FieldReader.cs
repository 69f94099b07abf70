using System.Globalization;
using System.Text.RegularExpressions;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Import;

/// <summary>
/// Reads and checks the cells of one row, collecting a plain-language reason for each bad cell as a <see cref="Phrase"/>
/// the import page translates (issue 13, ADR 1401): column names and cell values are its arguments, never part of the key.
/// </summary>
internal sealed partial class FieldReader(CsvRecord record, ImportLookups lookups)
{
    public const char ListSeparator = ';';

    public List<Phrase> Errors { get; } = [];

    public CsvRecord Record => record;

    /// <summary>A text cell, NFC; a control character in it is an error naming it (<see cref="InputText"/>).</summary>
    public string? Text(string column, int maxLength, bool required = false)
    {
        var reading = InputText.Read(record[column], multiline: true);
        if (reading.Refused is { } refused)
        {
            Errors.Add(Phrase.L("{0} contains a character that cannot be saved: {1}.", column, InputText.Naming(refused)));
            return null;
        }

        var value = reading.Text;
        if (value is null && required)
        {
            Errors.Add(Phrase.L("{0} is required.", column));
        }
        else if (value is not null && value.Length > maxLength)
        {
            Errors.Add(Phrase.L("{0} is longer than {1} characters.", column, maxLength));
        }

        return value;
    }

    /// <summary>A value of <typeparamref name="T"/> by its name or display name; <paramref name="what"/> names the kind with its article ("an offer format").</summary>
    public T? Enum<T>(string column, Phrase what, Func<T, string> displayName, bool required = false)
        where T : struct, System.Enum
    {
        var value = record[column];
        if (value is null)
        {
            if (required)
            {
                Errors.Add(Phrase.L("{0} is required.", column));
            }

            return null;
        }

        var wanted = Letters(value);
        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (Letters(candidate.ToString()) == wanted || Letters(displayName(candidate)) == wanted)
            {
                return candidate;
            }
        }

        Errors.Add(Phrase.L("{0} \"{1}\" is not {2} (use one of: {3}).", column, value, what, string.Join(", ", System.Enum.GetValues<T>().Select(v => displayName(v).ToLowerInvariant()))));
        return null;
    }

    public string? Country(string column, bool required = false)
    {
        var value = Text(column, 2, required);
        if (value is not null && !CountryPattern().IsMatch(value))
        {
            Errors.Add(Phrase.L("{0} \"{1}\" is not a two-letter country code such as SE, DK or NO.", column, value));
            return null;
        }

        return value?.ToUpperInvariant();
    }

    public TaxonomyTerm? Term(string column, TaxonomyKind kind, bool required = false)
    {
        var value = Text(column, Entity.NameMaxLength, required);
        if (value is null)
        {
            return null;
        }

        var term = lookups.Term(kind, value);
        if (term is null)
        {
            Errors.Add(Phrase.L("{0} \"{1}\" is not {2}.", column, value, KnownKind(kind)));
        }

        return term;
    }

    /// <summary>A list of terms separated by semicolons; null when the column is not in the file (leave as is).</summary>
    public IReadOnlyList<TaxonomyTerm>? Terms(string column, TaxonomyKind kind)
    {
        if (!record.Has(column))
        {
            return null;
        }

        var terms = new List<TaxonomyTerm>();
        foreach (var item in Items(column))
        {
            if (lookups.Term(kind, item) is { } term)
            {
                terms.Add(term);
            }
            else
            {
                Errors.Add(Phrase.L("{0}: \"{1}\" is not {2}.", column, item, KnownKind(kind)));
            }
        }

        return terms.DistinctBy(t => t.Id).ToList();
    }

    public IEnumerable<string> Items(string column) =>
        (record[column] ?? "").Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public string? Url(string column)
    {
        var value = Text(column, 500);
        if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            Errors.Add(Phrase.L("{0} \"{1}\" is not a web address starting with http:// or https://.", column, value));
            return null;
        }

        return value;
    }

    public string? Email(string column)
    {
        var value = Text(column, 256);
        if (value is not null && !EmailPattern().IsMatch(value))
        {
            Errors.Add(Phrase.L("{0} \"{1}\" is not an email address.", column, value));
            return null;
        }

        return value;
    }

    public DateOnly? Date(string column)
    {
        var value = record[column];
        if (value is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Errors.Add(Phrase.L("{0} \"{1}\" is not a date written as YYYY-MM-DD.", column, value));
            return null;
        }

        if (!CalendarDates.Contains(date))
        {
            Errors.Add(Phrase.L("{0} \"{1}\" is not between {CalendarEarliest} and {CalendarLatest}.", column, value));
            return null;
        }

        return date;
    }

    /// <summary>An amount as people write it in sv/da/nb/en (2 138 347, 2.138.347,50, 2,138,347.50), read by <see cref="LocaleNumber"/>.</summary>
    public decimal? Amount(string column) => Number(column, LocaleNumber.Read(record[column]), 10_000_000_000m, whole: false);

    /// <summary>A whole number of zero or more (a count of places, companies…), read by <see cref="LocaleNumber"/>.</summary>
    public int? Count(string column) => Number(column, LocaleNumber.ReadWhole(record[column], 0, int.MaxValue), int.MaxValue, whole: true) is { } count ? (int)count : null;

    private decimal? Number(string column, NumberReading reading, decimal max, bool whole)
    {
        var text = record[column];
        if (text is null)
        {
            return null;
        }

        if (reading.IsValid && reading.Value is >= 0 && reading.Value < max)
        {
            return reading.Value;
        }

        Errors.Add(reading.IsValid || reading.Problem == NumberProblem.OutOfRange
            ? whole
                ? Phrase.L("{0} \"{1}\" is not a whole number of zero or more below {2:N0}.", column, text.Trim(), max)
                : Phrase.L("{0} \"{1}\" is not an amount of zero or more below {2:N0}.", column, text.Trim(), max)
            : LocaleNumber.Explain(reading, column, text));
        return null;
    }

    /// <summary>An organisation already in the portal, by name.</summary>
    public Organisation? Organisation(string column, bool required = false)
    {
        var name = Text(column, Entity.NameMaxLength, required);
        return name is null ? null : Single(column, name, lookups.Organisations(name), "organisation");
    }

    public Programme? Programme(string column)
    {
        var name = Text(column, Entity.NameMaxLength);
        return name is null ? null : Single(column, name, lookups.Programmes(name), "programme");
    }

    public T? Single<T>(string column, string name, IReadOnlyList<T> found, string what)
        where T : class
    {
        switch (found.Count)
        {
            case 1:
                return found[0];
            case 0:
                Errors.Add(what == "programme"
                    ? Phrase.L("{0}: no programme is called \"{1}\"; add it first.", column, name)
                    : Phrase.L("{0}: no organisation is called \"{1}\"; add it first.", column, name));
                return null;
            default:
                Errors.Add(what == "programme"
                    ? Phrase.L("{0}: more than one programme is called \"{1}\".", column, name)
                    : Phrase.L("{0}: more than one organisation is called \"{1}\".", column, name));
                return null;
        }
    }

    /// <summary>"a known market": whole phrases, as the article depends on the noun in Swedish and Danish (en/ett, en/et).</summary>
    private static Phrase KnownKind(TaxonomyKind kind) => kind switch
    {
        TaxonomyKind.Region => Phrase.L("a known ÖKS region"),
        TaxonomyKind.Market => Phrase.L("a known market"),
        TaxonomyKind.Stage => Phrase.L("a known stage"),
        TaxonomyKind.Sector => Phrase.L("a known sector"),
        TaxonomyKind.SupportCategory => Phrase.L("a known support category"),
        TaxonomyKind.Language => Phrase.L("a known language"),
        TaxonomyKind.Format => Phrase.L("a known format"),
        _ => Phrase.L("a known organisation type"),
    };

    private static string Letters(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
