namespace MediconGlobal.Core.Domain;

/// <summary>
/// The record that two organisations were one: the surviving organisation's id, the id, name and seed key of the
/// one merged into it, which fields the survivor took from it, and who merged them when. Append-only; the history
/// view of the survivor follows it to the merged organisation's audit entries (issue 11, ADR 1151).
/// </summary>
public class OrganisationMerge
{
    /// <summary>Characters in the list of fields a merge took from the merged organisation.</summary>
    public const int FieldsTakenMaxLength = 1000;

    private OrganisationMerge()
    {
    }

    public OrganisationMerge(int survivorId, int mergedId, string mergedName, string? mergedSeedKey, string fieldsTaken, Actor by, DateTime at)
    {
        SurvivorId = survivorId;
        MergedId = mergedId;
        MergedName = mergedName;
        MergedSeedKey = mergedSeedKey;
        FieldsTaken = fieldsTaken;
        MergedByUserId = by.RequireAccount();
        MergedByName = by.Name;
        MergedAt = at;
    }

    public int Id { get; private set; }

    /// <summary>The organisation that remains (its id did not change).</summary>
    public int SurvivorId { get; private set; }

    /// <summary>The id of the organisation that was merged in and no longer exists.</summary>
    public int MergedId { get; private set; }

    public string MergedName { get; private set; } = "";

    /// <summary>The merged organisation's seed key, so the reference-data loader does not bring it back.</summary>
    public string? MergedSeedKey { get; private set; }

    /// <summary>Comma-separated names of the fields the survivor took from the merged organisation ("" when none).</summary>
    public string FieldsTaken { get; private set; } = "";

    public string MergedByUserId { get; private set; } = "";

    public string MergedByName { get; private set; } = "";

    public DateTime MergedAt { get; private set; }
}
