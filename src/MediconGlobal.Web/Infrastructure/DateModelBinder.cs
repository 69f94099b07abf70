using System.Globalization;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Binds every <see cref="DateOnly"/> form field from ISO 8601 text (<c>2026-01-31</c>), which is what a date input
/// sends whatever the browser's language shows (a Danish browser displays 31.01.2026 and posts 2026-01-31). The
/// framework's binder read the text in the page's culture, so the same typed text meant different days in en, sv
/// and da; a text that is not a date is a message naming the field and the format in the page's language (issue 14
/// item 4, ADR 1407). Where a browser shows a plain text box instead, the field's placeholder shows an example (2026-01-31).
/// </summary>
public sealed class DateModelBinder(IStringLocalizer<SharedResource> t) : IModelBinder
{
    /// <summary>The one format dates are read in: ISO 8601 calendar dates, as date inputs post them.</summary>
    public const string Format = "yyyy-MM-dd";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var name = bindingContext.ModelName;
        var posted = bindingContext.ValueProvider.GetValue(name);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(name, posted);
        var text = (posted.FirstValue ?? "").Trim();
        var metadata = bindingContext.ModelMetadata;
        if (text.Length == 0)
        {
            if (metadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(name, metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text));
                bindingContext.Result = ModelBindingResult.Failed();
            }

            return Task.CompletedTask;
        }

        if (DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.TryAddModelError(name, t["{0}: enter the date as year-month-day, for example 2026-01-31.", BindingFieldName.Of(bindingContext)].Value);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

/// <summary>Puts <see cref="DateModelBinder"/> in front of MVC's binder for <c>DateOnly</c> and <c>DateOnly?</c>.</summary>
public sealed class DateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(DateOnly) && context.BindingInfo.BindingSource?.CanAcceptDataFrom(BindingSource.Body) != true
            ? new DateModelBinder(context.Services.GetRequiredService<IStringLocalizer<SharedResource>>())
            : null;
    }
}
