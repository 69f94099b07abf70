using MediconGlobal.Core.Text;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Binds every text field of every form, route value and query parameter through <see cref="InputText"/>: NFC,
/// and a control character (NUL, U+0096…) is a message on the field naming the character, never stored.
/// Line breaks and tabs are allowed in fields marked <c>[DataType(DataType.MultilineText)]</c> (the text areas).
/// Otherwise it binds as MVC's own string binder does (an empty or blank value becomes null).
/// </summary>
public sealed class TextModelBinder(IStringLocalizer<SharedResource> t) : IModelBinder
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
        var text = posted.FirstValue;
        if (string.IsNullOrWhiteSpace(text) && bindingContext.ModelMetadata.ConvertEmptyStringToNull)
        {
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        var metadata = bindingContext.ModelMetadata;
        var reading = InputText.Read(text, multiline: metadata.DataTypeName == nameof(System.ComponentModel.DataAnnotations.DataType.MultilineText));
        if (reading.Refused is { } refused)
        {
            bindingContext.ModelState.TryAddModelError(name, t[
                "{0} contains a character that cannot be saved: {1}. Remove it and try again.",
                BindingFieldName.Of(bindingContext), t.Phrase(InputText.Naming(refused)).Value].Value);
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        bindingContext.Result = ModelBindingResult.Success(reading.Text);
        return Task.CompletedTask;
    }
}

/// <summary>Puts <see cref="TextModelBinder"/> in front of MVC's binder for strings (not request bodies).</summary>
public sealed class TextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && context.BindingInfo.BindingSource?.CanAcceptDataFrom(BindingSource.Body) != true
            ? new TextModelBinder(context.Services.GetRequiredService<IStringLocalizer<SharedResource>>())
            : null;
}
