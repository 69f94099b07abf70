using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>
    /// The check every form post makes before it changes anything (issue 10 item 5): the form validator's errors
    /// (<paramref name="result"/>, already in the page's language: <c>LocalisingMessageFormatter</c> translated them
    /// when they were built, so they are not looked up again) join ModelState under <paramref name="prefix"/> (e.g.
    /// "Input"), beside the errors of values model binding could not read ("25,5" for a whole number, a control
    /// character, a made-up choice). The form is valid only when there are none of either: a value the portal
    /// could not read is never saved as an empty field.
    /// </summary>
    public static bool IsValid(this PageModel page, ValidationResult result, string prefix)
    {
        result.AddToModelState(page.ModelState, prefix);
        return page.ModelState.IsValid;
    }

    /// <summary>Copies FluentValidation errors into ModelState under the bound property's prefix (e.g. "Input").</summary>
    public static void AddToModelState(this ValidationResult result, ModelStateDictionary modelState, string prefix)
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.PropertyName) ? string.Empty : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }
}
