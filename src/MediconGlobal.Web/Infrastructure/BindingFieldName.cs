using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// The name a binding message gives its field. An element of a list (<c>Input.MarketIds</c>, <c>Input.Partners[0].Role</c>'s
/// list) is bound with the metadata of its type, whose display name is the type's name ("Int32"); for it the name is
/// that of the property the model name leads to, found by following the model name from the page's or controller's
/// type through MVC's own metadata (so it is the same, localised, display name the form's label shows).
/// </summary>
internal static partial class BindingFieldName
{
    /// <summary>The display name of the field <paramref name="context"/> binds, in the request's language.</summary>
    public static string Of(ModelBindingContext context)
    {
        var metadata = context.ModelMetadata;
        if (metadata.MetadataKind == ModelMetadataKind.Property)
        {
            return metadata.GetDisplayName();
        }

        var root = context.ActionContext.ActionDescriptor switch
        {
            CompiledPageActionDescriptor page => page.HandlerTypeInfo.AsType(),
            ControllerActionDescriptor controller => controller.ControllerTypeInfo.AsType(),
            _ => null,
        };
        var provider = context.HttpContext.RequestServices.GetService<IModelMetadataProvider>();
        var current = root is null || provider is null ? null : provider.GetMetadataForType(root);
        foreach (var part in Indexer().Replace(context.ModelName, "").Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            current = (current?.ElementMetadata ?? current)?.Properties[part];
            if (current is null)
            {
                break;
            }
        }

        return current?.GetDisplayName() ?? metadata.GetDisplayName();
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Indexer();
}
