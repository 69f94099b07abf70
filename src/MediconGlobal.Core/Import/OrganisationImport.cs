using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Import;

/// <summary>Organisations by name: a new name adds one (mapped in the pipeline), a known name updates it.</summary>
internal static class OrganisationImport
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("name", true, "The organisation's name. A row with the name of an organisation already in the portal updates it.", "Lund University Innovation"),
        new("type", true, "One of: {0}.", "university or research institute", string.Join(", ", Enum.GetValues<OrganisationType>().Select(t => OrganisationTypes.DisplayName(t).ToLowerInvariant()))),
        new("country", true, "Two-letter country code.", "SE"),
        new("region", false, "ÖKS region, by code or name (leave empty for national or foreign organisations).", "se-skane"),
        new("website", false, "Web address starting with https://.", "https://www.example.org"),
        new("description", false, "What the organisation does.", "Innovation office of a university"),
        new("collaboration_needs", false, "What the organisation needs from collaboration.", "Contacts with Danish hospitals"),
        new("expertise", false, "Areas of expertise (support categories), by code or name, separated by semicolons.", "ip-patents; funding"),
        new("sectors", false, "Sectors served, separated by semicolons.", "medtech; diagnostics"),
        new("languages", false, "Languages, separated by semicolons.", "en; sv"),
    ];

    public static IReadOnlyList<PlannedRow> Plan(AppDbContext db, IReadOnlyList<CsvRecord> records, ImportLookups lookups)
    {
        var seen = new Dictionary<string, int>();
        var rows = new List<PlannedRow>();
        foreach (var record in records)
        {
            var f = new FieldReader(record, lookups);
            var name = f.Text("name", Entity.NameMaxLength, required: true);
            var type = f.Enum<OrganisationType>("type", Phrase.L("an organisation type"), OrganisationTypes.DisplayName, required: true);
            var country = f.Country("country", required: true);
            var region = f.Term("region", TaxonomyKind.Region);
            if (region is not null && country is not null && region.CountryCode is { } regionCountry && regionCountry != country)
            {
                f.Errors.Add(Phrase.L("region \"{0}\" is in {1}, not {2}.", region.Name, regionCountry, country));
            }

            var website = f.Url("website");
            var description = f.Text("description", Organisation.DescriptionMaxLength);
            var needs = f.Text("collaboration_needs", Organisation.CollaborationNeedsMaxLength);
            var expertise = f.Terms("expertise", TaxonomyKind.SupportCategory);
            var sectors = f.Terms("sectors", TaxonomyKind.Sector);
            var languages = f.Terms("languages", TaxonomyKind.Language);
            var existing = name is null ? [] : lookups.Organisations(name);
            if (name is not null && !seen.TryAdd(ImportLookups.Key(name), record.Row))
            {
                f.Errors.Add(Phrase.L("the same organisation is already in row {0}.", seen[ImportLookups.Key(name)]));
            }

            if (name is not null && existing.Count > 1)
            {
                f.Errors.Add(Phrase.L("more than one organisation is called \"{0}\"; rename one in the portal first.", name));
            }

            if (f.Errors.Count > 0)
            {
                rows.Add(new PlannedRow(new ImportRow(record.Row, name ?? "", RowOutcome.Invalid, f.Errors), null));
                continue;
            }

            void Fill(Organisation o)
            {
                o.Type = type!.Value;
                o.CountryCode = country!;
                record.IfPresent("region", () => (o.Region, o.RegionId) = (region, region?.Id));
                record.IfPresent("website", () => o.Website = website);
                record.IfPresent("description", () => o.Description = description);
                record.IfPresent("collaboration_needs", () => o.CollaborationNeeds = needs);
                if (expertise is not null)
                {
                    o.SetTerms(TaxonomyKind.SupportCategory, expertise);
                }
                if (sectors is not null)
                {
                    o.SetTerms(TaxonomyKind.Sector, sectors);
                }
                if (languages is not null)
                {
                    o.SetTerms(TaxonomyKind.Language, languages);
                }
            }

            if (existing.Count == 0)
            {
                rows.Add(new PlannedRow(new ImportRow(record.Row, name!, RowOutcome.New, []), () =>
                {
                    var organisation = new Organisation(name!, type!.Value, country!);
                    Fill(organisation);
                    db.Organisations.Add(organisation);
                }));
                continue;
            }

            var current = existing[0];
            var changes = new ChangeList(record);
            changes.Compare("type", current.Type, type!.Value);
            changes.Compare("country", current.CountryCode, country);
            changes.Compare("region", current.RegionId, region?.Id);
            changes.Compare("website", current.Website, website);
            changes.Compare("description", current.Description, description);
            changes.Compare("collaboration_needs", current.CollaborationNeeds, needs);
            changes.CompareTerms("expertise", TermIds(current, TaxonomyKind.SupportCategory), expertise);
            changes.CompareTerms("sectors", TermIds(current, TaxonomyKind.Sector), sectors);
            changes.CompareTerms("languages", TermIds(current, TaxonomyKind.Language), languages);
            rows.Add(changes.Any
                ? new PlannedRow(new ImportRow(record.Row, current.Name, RowOutcome.Changed, []) { Changes = changes.Fields }, () => Fill(current))
                : new PlannedRow(new ImportRow(record.Row, current.Name, RowOutcome.Unchanged, []), null));
        }

        return rows;
    }

    private static IEnumerable<int> TermIds(Organisation organisation, TaxonomyKind kind) =>
        organisation.Terms.Where(t => t.Term?.Kind == kind).Select(t => t.TermId);
}
