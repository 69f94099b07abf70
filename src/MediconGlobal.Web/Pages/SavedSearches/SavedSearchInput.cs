using FluentValidation;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;

namespace MediconGlobal.Web.Pages.SavedSearches;

/// <summary>What a founder sets on a saved search: its name and how often they are e-mailed about new matches.</summary>
public class SavedSearchInput
{
    public string? Name { get; set; }

    public AlertFrequency Frequency { get; set; } = AlertFrequency.Immediately;

    /// <summary>The saved search's version the page showed (docs/decisions/1050); 0 for a new one.</summary>
    public int Version { get; set; }
}

/// <summary>A search to save: the page it comes from and its criteria (the page's query string), carried by the form.</summary>
public sealed class NewSavedSearchInput : SavedSearchInput
{
    public SavedSearchKind Kind { get; set; }

    public string? Criteria { get; set; }
}

public sealed class SavedSearchInputValidator : AbstractValidator<SavedSearchInput>
{
    public SavedSearchInputValidator()
    {
        RuleFor(i => i.Name).NotEmpty().WithMessage("Give the search a name, so you can tell it apart in your list and in the e-mails.")
            .MaximumLength(SavedSearch.NameLength).WithMessage("Keep the name under 100 characters.");
        RuleFor(i => i.Frequency).IsInEnum().WithMessage("Choose how often you want e-mail.");
    }
}

public sealed class NewSavedSearchInputValidator : AbstractValidator<NewSavedSearchInput>
{
    public NewSavedSearchInputValidator()
    {
        Include(new SavedSearchInputValidator());
        RuleFor(i => i.Kind).IsInEnum().WithMessage("This search cannot be saved. Go back to the search and try again.");
        RuleFor(i => i.Criteria).MaximumLength(SavedSearch.CriteriaLength).WithMessage("This search is too long to save. Remove some words or filters and try again.");
    }
}
