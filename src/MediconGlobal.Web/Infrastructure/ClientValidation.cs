using FluentValidation;
using FluentValidation.AspNetCore;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;
using MediconGlobal.Web.Pages.Admin.Taxonomies;
using MediconGlobal.Web.Pages.Clients;
using MediconGlobal.Web.Pages.Clients.Needs;
using MediconGlobal.Web.Pages.Partner.Offers;
using MediconGlobal.Web.Pages.Programmes;
using MediconGlobal.Web.Pages.Referrals;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using PartnerProfileInput = MediconGlobal.Web.Pages.Partner.ProfileInput;
using PartnerProfileInputValidator = MediconGlobal.Web.Pages.Partner.ProfileInputValidator;

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
        services.AddPageDataValidatorsForTheBrowser();
        // The adapters build each message with the validators' message formatter, which already translated it
        // (LocalisingMessageFormatter): looking the translation up again as a key would miss (issue 14 item 5).
        services.AddFluentValidationClientsideAdapters();
        return services;
    }

    /// <summary>
    /// The validators a page builds with its own data (allowed terms, programmes, today's date, whether a text is
    /// required), registered for the browser only, built with neutral data. What renders in the browser is each
    /// validator's unconditional simple rules (not empty, length, pattern, e-mail, range), which never read that
    /// data; the rules that do are <c>Must</c> or conditional rules, which the adapters do not render, so the
    /// neutral data never decides anything. The server still builds each validator with the page's real data
    /// (ADR 1652). Where the data switches a rule on (a required password, a required answer text, a new term's
    /// code) the browser gets the lenient variant and the server adds the rest.
    /// </summary>
    private static void AddPageDataValidatorsForTheBrowser(this IServiceCollection services)
    {
        var noTerms = new TermCatalog([]);
        services.AddScoped<IValidator<OfferInput>>(_ => new OfferInputValidator(new OfferFormOptions(noTerms, [], []), []));
        services.AddScoped<IValidator<PartnerProfileInput>>(_ => new PartnerProfileInputValidator(noTerms, []));
        services.AddScoped<IValidator<ProgrammeInput>>(_ => new ProgrammeInputValidator(new HashSet<int>(), new HashSet<int>()));
        services.AddScoped<IValidator<TermInput>>(_ => new TermInputValidator(noTerms, TaxonomyKind.Market, existingCodes: []));
        services.AddScoped<IValidator<CompanyInput>>(provider => new CompanyInputValidator(provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        services.AddScoped<IValidator<ChangeEmailInput>>(provider => new ChangeEmailInputValidator(provider.GetRequiredService<IStringLocalizer<SharedResource>>(), requirePassword: false));
        services.AddScoped<IValidator<AnswerInput>>(_ => new AnswerInputValidator(requireText: false));
        services.AddScoped<IValidator<ReferInput>>(_ => new ReferInputValidator());
    }

    private static bool TakesOnlyTheLocaliser(Type validator) =>
        validator.GetConstructors().Any(c => c.GetParameters().All(p => p.ParameterType == typeof(IStringLocalizer<SharedResource>)));
}
