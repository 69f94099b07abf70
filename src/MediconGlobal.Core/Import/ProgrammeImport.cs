using System.Globalization;
using System.Text.RegularExpressions;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Import;

/// <summary>Programmes by name, with their partners ("Name (role)") and result indicators ("metric = actual / target").</summary>
internal static partial class ProgrammeImport
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("name", true, "The programme's name. A row with the name of a programme already in the portal updates it.", "Nordic Market Access Pilot"),
        new("lead_organisation", true, "Name of the lead organisation, as in the portal.", "SmiLe Incubator"),
        new("status", false, "planned, active or completed (planned when empty for a new programme).", "completed"),
        new("description", false, "What the programme did.", "Pilot for market access in the Nordics"),
        new("funder", false, "Funder as written in the source.", "Vinnova"),
        new("funding_amount", false, "Amount with a point for decimals, no thousands separators.", "2138347"),
        new("currency", false, "SEK, DKK, NOK, EUR or USD; required with an amount.", "SEK"),
        new("reference_number", false, "The funder's reference.", "2022-01443"),
        new("start_date", false, "YYYY-MM-DD.", "2022-05-01"),
        new("end_date", false, "YYYY-MM-DD, not before the start.", "2023-01-31"),
        new("target_group", false, "Who the programme was for.", "Cluster organisations and their SMEs"),
        new("geography", false, "Where it ran.", "Sweden"),
        new("activities", false, "What it did.", "Webinars; training"),
        new("lessons_learned", false, "What was learned.", "Start with a steering group"),
        new("links", false, "Web addresses, separated by semicolons.", "https://www.example.org/report"),
        new("partners", false, "Partner organisations with their role in brackets, separated by semicolons.", "Business Sweden (Partner); Vinnova (Funder)"),
        new("indicators", false, "Results as \"metric = actual\" or \"metric = actual / target\", separated by semicolons.", "Companies in the webinar = 30 / 40; Companies going further = 10"),
    ];

    public static IReadOnlyList<PlannedRow> Plan(AppDbContext db, IReadOnlyList<CsvRecord> records, ImportLookups lookups)
    {
        var seen = new Dictionary<string, int>();
        var rows = new List<PlannedRow>();
        foreach (var record in records)
        {
            var f = new FieldReader(record, lookups);
            var name = f.Text("name", Entity.NameMaxLength, required: true);
            var lead = f.Organisation("lead_organisation", required: true);
            var status = f.Enum<ProgrammeStatus>("status", Phrase.L("a programme status"), s => s.ToString());
            var amount = f.Amount("funding_amount");
            var currency = f.Enum<Currency>("currency", Phrase.L("a currency"), c => c.ToString());
            if (amount is not null && currency is null && record["currency"] is null)
            {
                f.Errors.Add(Phrase.L("currency is required with a funding amount."));
            }

            if (amount is { } a && decimal.Round(a, 2) != a)
            {
                f.Errors.Add(Phrase.L("funding_amount has more than two decimals."));
            }

            var (start, end) = (f.Date("start_date"), f.Date("end_date"));
            if (start is not null && end is not null && end < start)
            {
                f.Errors.Add(Phrase.L("end_date is before start_date."));
            }

            var texts = new Dictionary<string, string?>
            {
                ["description"] = f.Text("description", Programme.TextMaxLength),
                ["funder"] = f.Text("funder", Entity.NameMaxLength),
                ["reference_number"] = f.Text("reference_number", 64),
                ["target_group"] = f.Text("target_group", Programme.ShortTextMaxLength),
                ["geography"] = f.Text("geography", Programme.ShortTextMaxLength),
                ["activities"] = f.Text("activities", Programme.TextMaxLength),
                ["lessons_learned"] = f.Text("lessons_learned", Programme.TextMaxLength),
            };
            var links = record.Has("links") ? string.Join('\n', f.Items("links").Select(l => Uri.TryCreate(l, UriKind.Absolute, out _) ? l : Bad(f, Phrase.L("links: \"{0}\" is not a web address.", l)))) : null;
            var partners = record.Has("partners") ? Partners(f, lookups) : null;
            var indicators = record.Has("indicators") ? Indicators(f) : null;
            var existing = name is null ? [] : lookups.Programmes(name);
            if (name is not null && !seen.TryAdd(ImportLookups.Key(name), record.Row))
            {
                f.Errors.Add(Phrase.L("the same programme is already in row {0}.", seen[ImportLookups.Key(name)]));
            }

            if (name is not null && existing.Count > 1)
            {
                f.Errors.Add(Phrase.L("more than one programme is called \"{0}\".", name));
            }

            if (f.Errors.Count > 0)
            {
                rows.Add(new PlannedRow(new ImportRow(record.Row, name ?? "", RowOutcome.Invalid, f.Errors), null));
                continue;
            }

            var minor = amount is { } value ? (long?)(value * 100) : null;
            void Fill(Programme p)
            {
                (p.LeadOrganisation, p.LeadOrganisationId) = (lead!, lead!.Id);
                p.Status = status ?? p.Status;
                record.IfPresent("funding_amount", () => p.FundingAmountMinor = minor);
                record.IfPresent("currency", () => p.FundingCurrency = currency);
                record.IfPresent("start_date", () => p.StartDate = start);
                record.IfPresent("end_date", () => p.EndDate = end);
                record.IfPresent("description", () => p.Description = texts["description"]);
                record.IfPresent("funder", () => p.Funder = texts["funder"]);
                record.IfPresent("reference_number", () => p.ReferenceNumber = texts["reference_number"]);
                record.IfPresent("target_group", () => p.TargetGroup = texts["target_group"]);
                record.IfPresent("geography", () => p.Geography = texts["geography"]);
                record.IfPresent("activities", () => p.Activities = texts["activities"]);
                record.IfPresent("lessons_learned", () => p.LessonsLearned = texts["lessons_learned"]);
                record.IfPresent("links", () => p.Links = links);
                ProgrammeParts.SetPartners(p, partners);
                ProgrammeParts.SetIndicators(p, indicators);
            }

            if (existing.Count == 0)
            {
                rows.Add(new PlannedRow(new ImportRow(record.Row, name!, RowOutcome.New, []), () =>
                {
                    var programme = new Programme(name!, lead!);
                    Fill(programme);
                    db.Programmes.Add(programme);
                }));
                continue;
            }

            var current = existing[0];
            var changes = new ChangeList(record);
            changes.Compare("lead_organisation", current.LeadOrganisationId, lead!.Id);
            changes.Compare("status", current.Status, status ?? current.Status);
            changes.Compare("funding_amount", current.FundingAmountMinor, minor);
            changes.Compare("currency", current.FundingCurrency, currency);
            changes.Compare("start_date", current.StartDate, start);
            changes.Compare("end_date", current.EndDate, end);
            changes.Compare("description", current.Description, texts["description"]);
            changes.Compare("funder", current.Funder, texts["funder"]);
            changes.Compare("reference_number", current.ReferenceNumber, texts["reference_number"]);
            changes.Compare("target_group", current.TargetGroup, texts["target_group"]);
            changes.Compare("geography", current.Geography, texts["geography"]);
            changes.Compare("activities", current.Activities, texts["activities"]);
            changes.Compare("lessons_learned", current.LessonsLearned, texts["lessons_learned"]);
            changes.Compare("links", current.Links, links is { Length: > 0 } ? links : null);
            changes.CompareSequence("partners", current.Partners.OrderBy(p => p.OrganisationId).Select(p => (p.OrganisationId, p.Role)), partners?.OrderBy(p => p.Organisation.Id).Select(p => (p.Organisation.Id, p.Role)));
            changes.CompareSequence("indicators", current.Indicators.OrderBy(i => i.SortOrder).Select(i => (i.Metric, i.Actual, i.Target)), indicators);
            rows.Add(changes.Any
                ? new PlannedRow(new ImportRow(record.Row, current.Name, RowOutcome.Changed, []) { Changes = changes.Fields }, () => Fill(current))
                : new PlannedRow(new ImportRow(record.Row, current.Name, RowOutcome.Unchanged, []), null));
        }

        return rows;
    }

    private static List<(Organisation Organisation, string? Role)> Partners(FieldReader f, ImportLookups lookups)
    {
        var partners = new List<(Organisation, string?)>();
        foreach (var item in f.Items("partners"))
        {
            var match = PartnerPattern().Match(item);
            var (name, role) = (match.Groups["name"].Value.Trim(), match.Groups["role"].Success ? match.Groups["role"].Value.Trim() : null);
            if (f.Single("partners", name, lookups.Organisations(name), "organisation") is { } organisation)
            {
                partners.Add((organisation, string.IsNullOrEmpty(role) ? null : role));
            }
        }

        return partners.DistinctBy(p => p.Item1.Id).ToList();
    }

    private static List<(string Metric, int? Actual, int? Target)> Indicators(FieldReader f)
    {
        var indicators = new List<(string, int?, int?)>();
        foreach (var item in f.Items("indicators"))
        {
            var match = IndicatorPattern().Match(item);
            if (!match.Success || match.Groups["metric"].Value.Trim().Length > 500)
            {
                f.Errors.Add(Phrase.L("indicators: \"{0}\" is not written as \"metric = actual\" or \"metric = actual / target\".", item));
                continue;
            }

            var metric = match.Groups["metric"].Value.Trim();
            int? Number(string group)
            {
                if (!match.Groups[group].Success)
                {
                    return null;
                }

                var reading = LocaleNumber.ReadWhole(match.Groups[group].Value, 0, int.MaxValue);
                if (!reading.IsValid)
                {
                    f.Errors.Add(LocaleNumber.Explain(reading, $"indicators ({metric})", match.Groups[group].Value));
                    return null;
                }

                return (int)reading.Value!.Value;
            }

            if (indicators.Any(i => string.Equals(i.Item1, metric, StringComparison.OrdinalIgnoreCase)))
            {
                f.Errors.Add(Phrase.L("indicators: \"{0}\" is listed twice.", metric));
                continue;
            }

            indicators.Add((metric, Number("actual"), Number("target")));
        }

        return indicators;
    }

    private static string Bad(FieldReader f, Phrase message)
    {
        f.Errors.Add(message);
        return "";
    }

    [GeneratedRegex(@"^(?<name>[^()]+?)\s*(\((?<role>[^()]*)\))?$")]
    private static partial Regex PartnerPattern();

    // Numbers may be grouped as people write them ("2 000", "2.000"); LocaleNumber reads them.
    [GeneratedRegex(@"^(?<metric>.+?)\s*=\s*(?<actual>\d[\d \u00A0\u202F\u2009.,]*?)?\s*(/\s*(?<target>\d[\d \u00A0\u202F\u2009.,]*?))?\s*$")]
    private static partial Regex IndicatorPattern();
}
