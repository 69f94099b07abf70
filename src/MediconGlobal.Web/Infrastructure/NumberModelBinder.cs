using MediconGlobal.Core.Text;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Binds every whole-number and decimal field with <see cref="LocaleNumber"/>, so "2 138 347" with no-break
/// spaces, "25,5" and "−3" read as Swedish, Danish and Norwegian users write them, and what cannot be read for
/// certain ("1,234", "25,5" for a whole number) is a message naming the field and the character, never a value
/// silently dropped (issue 13 item 7, issue 10 item 5).
/// </summary>
public sealed class NumberModelBinder(IStringLocalizer<SharedResource> t) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var posted = bindingContext.ValueProvider.GetValue(name);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(name, posted);
        var text = posted.FirstValue ?? "";
        var metadata = bindingContext.ModelMetadata;
        var type = metadata.UnderlyingOrModelType;
        if (string.IsNullOrWhiteSpace(text))
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

        var reading = type == typeof(decimal) ? LocaleNumber.Read(text)
            : type == typeof(long) ? LocaleNumber.ReadWhole(text, long.MinValue, long.MaxValue)
            : LocaleNumber.ReadWhole(text);
        if (!reading.IsValid)
        {
            bindingContext.ModelState.TryAddModelError(name, t.Phrase(LocaleNumber.Explain(reading, BindingFieldName.Of(bindingContext), text)).Value);
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        var value = reading.Value!.Value;
        bindingContext.Result = ModelBindingResult.Success(type == typeof(decimal) ? value : type == typeof(long) ? (long)value : (object)(int)value);
        return Task.CompletedTask;
    }
}

/// <summary>Puts <see cref="NumberModelBinder"/> in front of MVC's binder for <c>int</c>, <c>long</c> and <c>decimal</c> (and their nullables).</summary>
public sealed class NumberModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType is var type && (type == typeof(int) || type == typeof(long) || type == typeof(decimal))
            && context.BindingInfo.BindingSource?.CanAcceptDataFrom(BindingSource.Body) != true
            ? new NumberModelBinder(context.Services.GetRequiredService<IStringLocalizer<SharedResource>>())
            : null;
}
