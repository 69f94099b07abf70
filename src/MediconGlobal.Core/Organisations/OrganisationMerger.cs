using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Organisations;

/// <summary>The fields of an organisation where a merge chooses which of the two records to keep.</summary>
public enum MergeField
{
    Name,
    Type,

    /// <summary>Country and ÖKS region together, since the region must lie in the country.</summary>
    Location,
    Website,
    Description,
    CollaborationNeeds,
    PartnershipStatus,
}

/// <summary>What the merge page asks for: the two records at the versions the person compared, and the fields to take from the duplicate.</summary>
public sealed record MergeRequest(int SurvivorId, int SurvivorVersion, int DuplicateId, int DuplicateVersion, IReadOnlySet<MergeField> TakeFromDuplicate);

/// <summary>A finished merge: the record of it and the users who moved (whose sessions must end, since their organisation claim changed).</summary>
public sealed record MergeOutcome(CommandResult Result, IReadOnlyList<string> MovedUserIds);

/// <summary>
/// Merges a duplicate organisation into the surviving one in one transaction (issue 11, ADR 1151): the survivor
/// takes the chosen fields, the union of both records' terms, the duplicate's contacts and pipeline history, and
/// becomes the owner of everything that pointed at the duplicate (offers, programmes led, funded or joined,
/// client companies, referrals, correction requests, activities, users). The duplicate is then deleted and an
/// <see cref="OrganisationMerge"/> records both ids, what was taken and who merged them. The audit log itself is
/// never rewritten; the survivor's history view follows the merge record instead.
/// </summary>
public sealed class OrganisationMerger(AppDbContext db, TimeProvider clock)
{
    public async Task<MergeOutcome> MergeAsync(MergeRequest request, Actor by, CancellationToken cancellationToken = default)
    {
        if (request.SurvivorId == request.DuplicateId)
        {
            return new MergeOutcome(CommandResult.Refused("Choose two different organisations."), []);
        }

        var pair = await db.Organisations
            .Include(o => o.Terms).ThenInclude(t => t.Term).Include(o => o.Contacts).Include(o => o.PartnershipHistory)
            .Where(o => o.Id == request.SurvivorId || o.Id == request.DuplicateId)
            .ToListAsync(cancellationToken);
        var survivor = pair.FirstOrDefault(o => o.Id == request.SurvivorId);
        var duplicate = pair.FirstOrDefault(o => o.Id == request.DuplicateId);
        if (survivor is null || duplicate is null)
        {
            return new MergeOutcome(CommandResult.NotFound, []);
        }

        if (survivor.Version != request.SurvivorVersion || duplicate.Version != request.DuplicateVersion)
        {
            return new MergeOutcome(CommandResult.Conflict, []);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            TakeFields(survivor, duplicate, request.TakeFromDuplicate, by, now);
            var movedUsers = await MoveEverythingAsync(survivor, duplicate, cancellationToken);
            db.Entry(survivor).Property(o => o.Version).OriginalValue = request.SurvivorVersion;
            db.Entry(survivor).State = EntityState.Modified;
            await db.SaveChangesAsync(cancellationToken);

            db.Organisations.Remove(duplicate);
            db.OrganisationMerges.Add(new OrganisationMerge(
                survivor.Id, duplicate.Id, duplicate.Name, duplicate.SeedKey,
                string.Join(",", request.TakeFromDuplicate.Order()), by, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new MergeOutcome(CommandResult.Done(survivor.Id), movedUsers);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new MergeOutcome(CommandResult.Conflict, []);
        }
    }

    private static void TakeFields(Organisation survivor, Organisation duplicate, IReadOnlySet<MergeField> take, Actor by, DateTime now)
    {
        if (take.Contains(MergeField.Name))
        {
            survivor.Name = duplicate.Name;
        }

        if (take.Contains(MergeField.Type))
        {
            survivor.Type = duplicate.Type;
        }

        if (take.Contains(MergeField.Location))
        {
            (survivor.CountryCode, survivor.RegionId) = (duplicate.CountryCode, duplicate.RegionId);
        }

        if (take.Contains(MergeField.Website))
        {
            survivor.Website = duplicate.Website;
        }

        if (take.Contains(MergeField.Description))
        {
            survivor.Description = duplicate.Description;
        }

        if (take.Contains(MergeField.CollaborationNeeds))
        {
            survivor.CollaborationNeeds = duplicate.CollaborationNeeds;
        }

        survivor.IsFictional &= duplicate.IsFictional;
        foreach (var kind in survivor.Terms.Concat(duplicate.Terms).Select(t => t.Term!.Kind).Distinct().ToList())
        {
            survivor.SetTerms(kind, survivor.Terms.Concat(duplicate.Terms).Where(t => t.Term!.Kind == kind).Select(t => t.Term!).ToList());
        }

        foreach (var step in duplicate.PartnershipHistory.ToList())
        {
            step.MoveToOrganisation(survivor.Id);
        }

        if (take.Contains(MergeField.PartnershipStatus) && duplicate.PartnershipStatus != survivor.PartnershipStatus)
        {
            survivor.ChangePartnershipStatus(duplicate.PartnershipStatus, $"Taken from {duplicate.Name} when it was merged into this organisation.", by, now);
        }
    }

    private async Task<IReadOnlyList<string>> MoveEverythingAsync(Organisation survivor, Organisation duplicate, CancellationToken cancellationToken)
    {
        var (to, from) = (survivor.Id, duplicate.Id);
        foreach (var contact in duplicate.Contacts.ToList())
        {
            contact.OrganisationId = to;
        }

        foreach (var offer in await db.Offers.Where(o => o.ProviderId == from).ToListAsync(cancellationToken))
        {
            offer.ProviderId = to;
        }

        foreach (var programme in await db.Programmes.Include(p => p.Partners).Where(p => p.LeadOrganisationId == from || p.FunderOrganisationId == from || p.Partners.Any(x => x.OrganisationId == from)).ToListAsync(cancellationToken))
        {
            programme.LeadOrganisationId = programme.LeadOrganisationId == from ? to : programme.LeadOrganisationId;
            programme.FunderOrganisationId = programme.FunderOrganisationId == from ? to : programme.FunderOrganisationId;
            if (programme.Partners.FirstOrDefault(p => p.OrganisationId == from) is { } partner)
            {
                // The partner row's key includes the organisation, so it is replaced; a survivor already there keeps its own role.
                programme.Partners.Remove(partner);
                if (!programme.Partners.Any(p => p.OrganisationId == to))
                {
                    programme.Partners.Add(new ProgrammePartner { OrganisationId = to, Role = partner.Role });
                }
            }
        }

        foreach (var company in await db.Companies.Where(c => c.HomeIncubatorId == from).ToListAsync(cancellationToken))
        {
            company.HomeIncubatorId = to;
        }

        foreach (var referral in await db.Referrals.Where(r => r.ReceivingOrganisationId == from).ToListAsync(cancellationToken))
        {
            referral.MoveToOrganisation(to);
        }

        foreach (var request in await db.CorrectionRequests.Where(r => r.OrganisationId == from).ToListAsync(cancellationToken))
        {
            request.MoveToOrganisation(to);
        }

        foreach (var activity in await db.Activities.Include(a => a.Organisations).Where(a => a.OrganiserId == from || a.Organisations.Any(o => o.OrganisationId == from)).ToListAsync(cancellationToken))
        {
            activity.MoveOrganisation(from, to);
        }

        var users = await db.Users.Where(u => u.OrganisationId == from).ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            user.OrganisationId = to;
        }

        return users.Select(u => u.Id).ToList();
    }
}
