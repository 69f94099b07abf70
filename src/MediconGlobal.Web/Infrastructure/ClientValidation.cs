using FluentValidation;
using FluentValidation.AspNetCore;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Immediate feedback in the browser from the forms' own FluentValidation validators (issue 16 item 3, ADR 1652):
/// FluentValidation.AspNetCore's client-side adapters turn a validator's simple rules (not empty, length, pattern,
/// e-mail, range, comparison) into <c>data-val-*</c> attributes that jQuery Validation checks (<c>wwwroot/js/validation.js</c>).
/// Pages still validate explicitly on the server (<see cref="ValidationExtensions.IsValid"/>); nothing here runs on a post.
/// </summary>
public static class ClientValidation
{
    public static IServiceCollection AddPortalClientValidation(this IServiceCollection services)
    {
        // Only validators whose rules depend on the input alone: those a page builds with its own data (allowed
        // terms, today's date, whether a text is required) stay server-side, as DI could not construct them.
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, scan => TakesOnlyTheLocaliser(scan.ValidatorType));
        services.AddFluentValidationClientsideAdapters();
        services.AddOptions<MvcViewOptions>()
            .Configure<IStringLocalizer<SharedResource>>((options, t) => options.ClientModelValidatorProviders.Add(new LocalisedMessages(t)));
        return services;
    }

    private static bool TakesOnlyTheLocaliser(Type validator) =>
        validator.GetConstructors().Any(c => c.GetParameters().All(p => p.ParameterType == typeof(IStringLocalizer<SharedResource>)));

    /// <summary>
    /// Puts the client-side messages through the localiser, as <see cref="ValidationExtensions.IsValid"/> does on the
    /// server: validators state their messages in English, which are the resource keys. Added after the adapters,
    /// it rewrites each rule's message attribute (<c>data-val-length</c>, not <c>data-val-length-max</c>).
    /// </summary>
    private sealed class LocalisedMessages(IStringLocalizer<SharedResource> t) : IClientModelValidatorProvider, IClientModelValidator
    {
        public void CreateValidators(ClientValidatorProviderContext context) =>
            context.Results.Add(new ClientValidatorItem { Validator = this, IsReusable = true });

        public void AddValidation(ClientModelValidationContext context)
        {
            foreach (var (name, message) in context.Attributes.Where(a => a.Key.StartsWith("data-val-", StringComparison.Ordinal) && a.Key.Count(c => c == '-') == 2).ToList())
            {
                context.Attributes[name] = t[message].Value;
            }
        }
    }
}
