using MediconGlobal.Core.Text;
using Microsoft.AspNetCore.Http.Extensions;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// The edge for text that does not go through model binding — query strings read directly (the catalogue's
/// search, the HSDS API's parameters) and route values of minimal APIs: every query value is cleaned by
/// <see cref="InputText.Clean"/> (NFC; control characters become spaces) before anything reads it, and a path
/// holding a control character is a 400. Form fields are checked field by field by <see cref="TextModelBinder"/>.
/// </summary>
public sealed class InputTextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Value is { } path && InputText.Read(path, multiline: false).IsRefused)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        // Control characters and anything not ASCII reach a query string only percent-encoded.
        if (request.QueryString.Value?.Contains('%', StringComparison.Ordinal) == true)
        {
            var cleaned = new QueryBuilder();
            var changed = false;
            foreach (var (key, values) in request.Query)
            {
                var cleanKey = InputText.Clean(key)!;
                changed |= cleanKey != key;
                foreach (var value in values)
                {
                    var cleanValue = InputText.Clean(value) ?? "";
                    changed |= cleanValue != value;
                    cleaned.Add(cleanKey, cleanValue);
                }
            }

            if (changed)
            {
                request.QueryString = cleaned.ToQueryString();
            }
        }

        return next(context);
    }
}
