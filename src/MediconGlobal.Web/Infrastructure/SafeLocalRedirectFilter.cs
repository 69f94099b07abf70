using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// A <see cref="LocalRedirectResult"/> to an address on another site (a crafted <c>returnUrl</c>) goes to the home
/// page instead of failing with an error page — on every page, including Identity's own (issue 10, item 12).
/// Pages still check <c>Url.IsLocalUrl</c> themselves; this is the net under all of them.
/// </summary>
public sealed class SafeLocalRedirectFilter(IUrlHelperFactory urls) : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is LocalRedirectResult redirect && !urls.GetUrlHelper(context).IsLocalUrl(redirect.Url))
        {
            context.Result = new LocalRedirectResult("~/", redirect.Permanent, redirect.PreserveMethod);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
