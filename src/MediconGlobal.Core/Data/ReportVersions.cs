namespace MediconGlobal.Core.Data;

/// <summary>
/// The versions of the kept read models a kept report was computed from (ADR 1208, ADR 1209, ADR 1211): the kept
/// needs' <see cref="DataVersions.Needs"/>, the kept catalogue's <see cref="DataVersions.Catalogue"/> and, for reports
/// that count referrals, the kept referrals' <see cref="DataVersions.Casework"/> (0 when the report reads none).
/// </summary>
public readonly record struct ReportVersions(long Needs, long Catalogue, long Referrals = 0)
{
    /// <summary>
    /// Whether a report computed at these versions is at least as new as one at <paramref name="wanted"/> asks: every
    /// counter at least as far (counters only grow, so each is compared on its own).
    /// </summary>
    public bool Covers(ReportVersions wanted) => Needs >= wanted.Needs && Catalogue >= wanted.Catalogue && Referrals >= wanted.Referrals;
}
