using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Import;

/// <summary>Updates a programme's partners and indicators in place, so kept rows keep their keys (and funnel names).</summary>
internal static class ProgrammeParts
{
    public static void SetPartners(Programme programme, IReadOnlyList<(Organisation Organisation, string? Role)>? partners)
    {
        if (partners is null)
        {
            return;
        }

        var wanted = partners.ToDictionary(p => p.Organisation.Id);
        foreach (var stale in programme.Partners.Where(p => !wanted.ContainsKey(p.OrganisationId)).ToList())
        {
            programme.Partners.Remove(stale);
        }

        foreach (var (organisation, role) in partners)
        {
            if (programme.Partners.FirstOrDefault(p => p.OrganisationId == organisation.Id && p.OrganisationId != 0) is { } kept)
            {
                kept.Role = role;
            }
            else
            {
                programme.Partners.Add(new ProgrammePartner { Organisation = organisation, OrganisationId = organisation.Id, Role = role });
            }
        }
    }

    public static void SetIndicators(Programme programme, IReadOnlyList<(string Metric, int? Actual, int? Target)>? indicators)
    {
        if (indicators is null)
        {
            return;
        }

        var wanted = indicators.Select(i => i.Metric).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var stale in programme.Indicators.Where(i => !wanted.Contains(i.Metric)).ToList())
        {
            programme.Indicators.Remove(stale);
        }

        var order = 0;
        foreach (var (metric, actual, target) in indicators)
        {
            var indicator = programme.Indicators.FirstOrDefault(i => string.Equals(i.Metric, metric, StringComparison.OrdinalIgnoreCase));
            if (indicator is null)
            {
                indicator = new ProgrammeIndicator { Metric = metric };
                programme.Indicators.Add(indicator);
            }

            (indicator.Metric, indicator.Actual, indicator.Target, indicator.SortOrder) = (metric, actual, target, ++order);
        }
    }
}
