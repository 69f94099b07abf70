using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Import;

/// <summary>Offers by provider and name. Status published publishes the offer (and counts as a review).</summary>
internal static class OfferImport
{
    private static readonly (string Column, TaxonomyKind Kind)[] TermColumns =
        [("sectors", TaxonomyKind.Sector), ("stages", TaxonomyKind.Stage), ("markets", TaxonomyKind.Market), ("regions", TaxonomyKind.Region), ("languages", TaxonomyKind.Language)];

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("name", true, "The offer's name. A row with the provider and name of an offer already in the portal updates it.", "Export readiness check"),
        new("provider", true, "Name of the providing organisation, as in the portal.", "Innovation Skåne"),
        new("category", true, "Support category, by code or name.", "market-intelligence"),
        new("format", true, "one-to-one advisory, workshop, webinar, event, network, programme, test bed or funding.", "workshop"),
        new("status", false, "draft, published or archived (draft when empty for a new offer); HSDS active counts as published, inactive or defunct as archived.", "published"),
        new("cost", false, "free, subsidised or paid.", "free"),
        new("cost_details", false, "Cost in words.", "Free for companies in Skåne"),
        new("description", false, "What the offer is.", "Half-day workshop on export readiness"),
        new("programme", false, "Programme the offer belongs to, by name.", ""),
        new("sectors", false, "Sectors, separated by semicolons; empty for any sector.", "medtech"),
        new("stages", false, "Development stages, separated by semicolons; empty for any stage.", "market-launch; scale-up"),
        new("markets", false, "Target markets, separated by semicolons; empty or \"any\" for any market.", "germany; dach"),
        new("regions", false, "Eligible ÖKS regions, separated by semicolons; empty for all regions.", "se-skane"),
        new("languages", false, "Languages, separated by semicolons.", "en; sv"),
        new("how_to_apply", false, "How to apply.", "Email the contact"),
        new("dates", false, "Dates or deadlines in words.", "Rolling intake"),
        new("capacity", false, "How many companies it can take, a whole number.", "12"),
        new("next_step", false, "What happens next: {0} (not stated when empty).", "provider contacts company", "not stated, provider contacts company, company contacts provider, company applies, advisor refers"),
        new("next_step_working_days", false, "Within how many working days the next step usually happens, 1 to 60.", "5"),
        new("required_documents", false, "Documents to prepare, one per line (a line may end with a template's web address).", "Pitch deck"),
        new("contact_name", false, "Contact person.", "Anna Svensson"),
        new("contact_email", false, "Contact email.", "anna@example.org"),
        new("contact_phone", false, "Contact phone.", "+46 40 123 45"),
        new("website", false, "Web address starting with https://.", "https://www.example.org/offer"),
    ];

    public static IReadOnlyList<PlannedRow> Plan(AppDbContext db, IReadOnlyList<CsvRecord> records, ImportLookups lookups, IReadOnlyList<Offer> offers, DateTime now)
    {
        var existingByKey = offers.ToLookup(o => (o.ProviderId, ImportLookups.Key(o.Name)));
        var seen = new Dictionary<(int, string), int>();
        var rows = new List<PlannedRow>();
        foreach (var record in records)
        {
            var f = new FieldReader(record, lookups);
            var name = f.Text("name", Entity.NameMaxLength, required: true);
            var provider = f.Organisation("provider", required: true);
            var category = f.Term("category", TaxonomyKind.SupportCategory, required: true);
            var format = f.Enum<OfferFormat>("format", Phrase.L("an offer format"), DisplayNames.Of, required: true);
            var status = HsdsCsv.OfferStatus(record["status"]) ?? f.Enum<OfferStatus>("status", Phrase.L("an offer status"), s => s.ToString());
            var cost = f.Enum<CostType>("cost", Phrase.L("a cost type"), c => c.ToString());
            var programme = f.Programme("programme");
            var capacity = f.Count("capacity");
            var nextStep = f.Enum<NextStep>("next_step", Phrase.L("a next step"), NextStepCode);
            var nextStepDays = f.Count("next_step_working_days");
            if (nextStepDays is < 1 or > Offer.NextStepMaxWorkingDays)
            {
                f.Errors.Add(Phrase.L("{0} \"{1}\" is not a number of working days from 1 to 60.", "next_step_working_days", nextStepDays));
            }

            var documents = RequiredDocument.Normalise(f.Text("required_documents", Offer.RequiredDocumentsMaxLength));
            if (!RequiredDocument.FitsCount(documents) || !RequiredDocument.FitsLength(documents))
            {
                f.Errors.Add(Phrase.L("required_documents lists at most 20 documents of up to 250 characters each, one per line."));
            }
            var (email, website) = (f.Email("contact_email"), f.Url("website"));
            var texts = new Dictionary<string, string?>
            {
                ["cost_details"] = f.Text("cost_details", Offer.DetailsMaxLength),
                ["description"] = f.Text("description", Offer.DescriptionMaxLength),
                ["how_to_apply"] = f.Text("how_to_apply", Offer.HowToApplyMaxLength),
                ["dates"] = f.Text("dates", Offer.DetailsMaxLength),
                ["contact_name"] = f.Text("contact_name", Entity.NameMaxLength),
                ["contact_phone"] = f.Text("contact_phone", 50),
            };
            var terms = TermColumns.ToDictionary(c => c.Kind, c => f.Terms(c.Column, c.Kind));
            var key = (provider?.Id ?? 0, ImportLookups.Key(name ?? ""));
            if (provider is not null && name is not null && !seen.TryAdd(key, record.Row))
            {
                f.Errors.Add(Phrase.L("the same offer of {0} is already in row {1}.", provider.Name, seen[key]));
            }

            if (f.Errors.Count > 0)
            {
                rows.Add(new PlannedRow(new ImportRow(record.Row, name ?? "", RowOutcome.Invalid, f.Errors), null));
                continue;
            }

            void Fill(Offer o)
            {
                (o.Category, o.CategoryId, o.Format) = (category!, category!.Id, format!.Value);
                o.Cost = cost ?? o.Cost;
                record.IfPresent("programme", () => (o.Programme, o.ProgrammeId) = (programme, programme?.Id));
                record.IfPresent("capacity", () => o.Capacity = capacity);
                record.IfPresent("next_step", () => o.NextStep = nextStep ?? NextStep.NotStated);
                record.IfPresent("next_step_working_days", () => o.NextStepWorkingDays = nextStepDays);
                record.IfPresent("required_documents", () => o.RequiredDocuments = documents);
                record.IfPresent("contact_email", () => o.ContactEmail = email);
                record.IfPresent("website", () => o.Website = website);
                record.IfPresent("cost_details", () => o.CostDetails = texts["cost_details"]);
                record.IfPresent("description", () => o.Description = texts["description"]);
                record.IfPresent("how_to_apply", () => o.HowToApply = texts["how_to_apply"]);
                record.IfPresent("dates", () => o.Dates = texts["dates"]);
                record.IfPresent("contact_name", () => o.ContactName = texts["contact_name"]);
                record.IfPresent("contact_phone", () => o.ContactPhone = texts["contact_phone"]);
                foreach (var (kind, wanted) in terms)
                {
                    if (wanted is not null)
                    {
                        o.SetTerms(kind, wanted);
                    }
                }

                switch (status)
                {
                    case OfferStatus.Published when !o.IsPublished:
                        o.Publish(now);
                        break;
                    case OfferStatus.Archived:
                        o.Archive();
                        break;
                    case OfferStatus.Draft:
                        o.ReturnToDraft();
                        break;
                    default:
                        break;
                }
            }

            var existing = existingByKey[key].FirstOrDefault();
            if (existing is null)
            {
                rows.Add(new PlannedRow(new ImportRow(record.Row, name!, RowOutcome.New, []), () =>
                {
                    var offer = new Offer(name!, provider!, category!);
                    offer.MarkReviewed(now);
                    Fill(offer);
                    db.Offers.Add(offer);
                }));
                continue;
            }

            var changes = new ChangeList(record);
            changes.Compare("category", existing.CategoryId, category!.Id);
            changes.Compare("format", existing.Format, format!.Value);
            changes.Compare("status", existing.Status, status ?? existing.Status);
            changes.Compare("cost", existing.Cost, cost ?? existing.Cost);
            changes.Compare("programme", existing.ProgrammeId, programme?.Id);
            changes.Compare("capacity", existing.Capacity, capacity);
            changes.Compare("next_step", existing.NextStep, nextStep ?? NextStep.NotStated);
            changes.Compare("next_step_working_days", existing.NextStepWorkingDays, nextStepDays);
            changes.Compare("required_documents", existing.RequiredDocuments, documents);
            changes.Compare("contact_email", existing.ContactEmail, email);
            changes.Compare("website", existing.Website, website);
            changes.Compare("cost_details", existing.CostDetails, texts["cost_details"]);
            changes.Compare("description", existing.Description, texts["description"]);
            changes.Compare("how_to_apply", existing.HowToApply, texts["how_to_apply"]);
            changes.Compare("dates", existing.Dates, texts["dates"]);
            changes.Compare("contact_name", existing.ContactName, texts["contact_name"]);
            changes.Compare("contact_phone", existing.ContactPhone, texts["contact_phone"]);
            foreach (var (column, kind) in TermColumns)
            {
                changes.CompareTerms(column, existing.Terms.Where(t => t.Term?.Kind == kind).Select(t => t.TermId), terms[kind]);
            }

            rows.Add(changes.Any
                ? new PlannedRow(new ImportRow(record.Row, existing.Name, RowOutcome.Changed, []) { Changes = changes.Fields }, () => Fill(existing))
                : new PlannedRow(new ImportRow(record.Row, existing.Name, RowOutcome.Unchanged, []), null));
        }

        return rows;
    }

    /// <summary>A next step as the import file writes it: the member's words in lower case ("provider contacts company").</summary>
    private static string NextStepCode(NextStep step) => System.Text.RegularExpressions.Regex.Replace(step.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
}
