using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// MVC's messages for values it cannot read ("25,5" for a whole number, "2026-13-45" for a date, a made-up choice),
/// in plain words, naming the field, through the localiser. Such a value is a validation error on every form
/// (<see cref="ValidationExtensions.IsValid"/>), never a silently empty field (issue 10 item 5).
/// </summary>
public sealed class BindingMessages(IStringLocalizerFactory localizers) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = localizers.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => t["{0}: “{1}” could not be read. Check it and try again.", field, value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["“{0}” could not be read. Check it and try again.", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => t["{0}: the value could not be read. Check it and try again.", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The value could not be read. Check it and try again."]);
        messages.SetValueIsInvalidAccessor(value => t["“{0}” could not be read. Check it and try again.", value]);
        messages.SetValueMustNotBeNullAccessor(_ => t["Enter a value."]);
        messages.SetMissingBindRequiredValueAccessor(field => t["{0}: enter a value.", field]);
        messages.SetMissingKeyOrValueAccessor(() => t["A value is missing."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t["The request has no content."]);
        messages.SetValueMustBeANumberAccessor(field => t["{0} must be a number.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Enter a number."]);
        options.ModelMetadataDetailsProviders.Add(new FieldNames(localizers));
        options.ModelMetadataDetailsProviders.Add(new ImplicitRequiredMessage());
    }
}

/// <summary>
/// Gives every form field a readable, localised name for messages when it has no <c>[Display(Name = …)]</c>:
/// the property name in words, without the <c>Id</c>/<c>Ids</c> of a choice ("FoundedYear" → "Founded year",
/// "MarketIds" → "Markets").
/// </summary>
public sealed partial class FieldNames(IStringLocalizerFactory localizers) : IDisplayMetadataProvider
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(SharedResource));

    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.MetadataKind == ModelMetadataKind.Property && context.Key.Name is { } name && context.DisplayMetadata.DisplayName is null)
        {
            var words = InWords(name);
            context.DisplayMetadata.DisplayName = () => _t[words];
        }
    }

    public static string InWords(string propertyName)
    {
        var name = propertyName switch
        {
            { Length: > 3 } when propertyName.EndsWith("Ids", StringComparison.Ordinal) => propertyName[..^3] + "s",
            { Length: > 2 } when propertyName.EndsWith("Id", StringComparison.Ordinal) => propertyName[..^2],
            _ => propertyName,
        };
        var words = WordStart().Replace(name, " $1");
        return char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}

/// <summary>
/// MVC requires every property of a non-nullable value type (a <c>bool</c> checkbox, an <c>int</c>) and, for the
/// browser, adds a <see cref="RequiredAttribute"/> without a message of its own, whose default English sentence ("The
/// Remember me field is required.") never reaches the localiser. This gives that implicit rule a message that is a
/// key, so <c>AddDataAnnotationsLocalization</c> translates it like every other attribute's message (issue 14 item 5).
/// A checkbox (<c>bool</c>) is not required at all instead: left clear it is an answer, and MVC's implicit rule only
/// put an English message into the page that no browser shows (the unobtrusive adapter skips "required" on checkboxes).
/// </summary>
public sealed class ImplicitRequiredMessage : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var type = context.Key.ModelType;
        // A property without a setter (a value worked out from the bound ones) is never bound, so never missing.
        if (context.Key.MetadataKind != ModelMetadataKind.Property || context.Key.PropertyInfo is not { CanWrite: true }
            || !type.IsValueType || Nullable.GetUnderlyingType(type) is not null
            || context.Attributes.Concat(context.ValidationMetadata.ValidatorMetadata).OfType<RequiredAttribute>().Any())
        {
            return;
        }

        if (type == typeof(bool))
        {
            // A checkbox left clear is an answer (false), never a missing value: not required at all, so the browser gets
            // no English "required" message either. (A rule here would refuse a page's own bool that a button sets only
            // when it is the one pressed.)
            context.ValidationMetadata.IsRequired = false;
            return;
        }

        context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute { ErrorMessage = "{0}: enter a value." });
    }
}
