using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Binds yes/no fields (checkboxes). A value that is neither true nor false — only a hand-made request sends
/// one — becomes a message on the form naming the field, in the page's language, and is shown back unchecked. MVC's own binder keeps the raw text,
/// which the checkbox tag helper then cannot render, so such a request would end in an error page.
/// </summary>
public sealed class BooleanModelBinder(IStringLocalizer<SharedResource> t) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var posted = bindingContext.ValueProvider.GetValue(name);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var text = posted.FirstValue;
        var nullable = Nullable.GetUnderlyingType(bindingContext.ModelType) is not null;
        if (string.IsNullOrWhiteSpace(text) && nullable)
        {
            bindingContext.ModelState.SetModelValue(name, posted);
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        if (bool.TryParse(text, out var value))
        {
            bindingContext.ModelState.SetModelValue(name, posted);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(name, new ValueProviderResult(bool.FalseString));
        bindingContext.ModelState.TryAddModelError(name, t["{0}: tick the box or leave it clear.", BindingFieldName.Of(bindingContext)].Value);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

/// <summary>Puts <see cref="BooleanModelBinder"/> in front of MVC's binder for <c>bool</c> and <c>bool?</c>.</summary>
public sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool)
            ? new BooleanModelBinder(context.Services.GetRequiredService<IStringLocalizer<SharedResource>>())
            : null;
}
