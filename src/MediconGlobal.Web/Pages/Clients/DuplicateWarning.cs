using MediconGlobal.Core.Clients;

namespace MediconGlobal.Web.Pages.Clients;

/// <summary>
/// The warning the new-client and edit-client forms show before saving a record that probably duplicates
/// another (<see cref="CompanyDuplicates"/>): the records, what the advisor can do (localised text) and the
/// label of the button that saves anyway.
/// </summary>
public sealed record DuplicateWarning(IReadOnlyList<PossibleDuplicate> Duplicates, string Explanation, string Proceed);
