using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// A form post (or a crafted one) naming no handler the page has would otherwise render the page without
/// running any handler, so without its data: answer 400 instead. GET and HEAD render as usual, which is how
/// pages without an OnGet work.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.Result = new BadRequestResult();
            return;
        }

        await next();
    }
}
