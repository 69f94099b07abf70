using MediconGlobal.Core.Notifications;

namespace MediconGlobal.Web.Pages.SavedSearches;

/// <summary>The words people read for saved searches' kinds and alert frequencies (views pass them through the localiser).</summary>
public static class SavedSearchLabels
{
    public static string Label(AlertFrequency frequency) => frequency switch
    {
        AlertFrequency.Immediately => "E-mail me as soon as a new or changed offer matches",
        AlertFrequency.Weekly => "E-mail me a weekly digest",
        _ => "No e-mail, just keep the search",
    };

    public static string Short(AlertFrequency frequency) => frequency switch
    {
        AlertFrequency.Immediately => "Immediately",
        AlertFrequency.Weekly => "Weekly digest",
        _ => "No e-mail",
    };

    public static string Label(SavedSearchKind kind) => kind == SavedSearchKind.Guided ? "Guided path answers" : "Catalogue search";
}
