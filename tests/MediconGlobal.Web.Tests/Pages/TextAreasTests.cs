using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using MediconGlobal.Testing;

namespace MediconGlobal.Web.Tests.Pages;

/// <summary>
/// Every text area accepts line breaks: a browser posts a text area's line breaks as CR LF, and the portal's text
/// binder refuses control characters except in fields marked <c>[DataType(DataType.MultilineText)]</c>
/// (<c>TextModelBinder</c>). A text area bound to an unmarked field refuses every text of more than one line — the
/// programme form did, with its own seeded activities. This test finds every <c>&lt;textarea&gt;</c> in the views,
/// follows its <c>asp-for</c> or <c>name</c> from the view's <c>@model</c> to the property it binds, and asks for the mark.
/// </summary>
public sealed partial class TextAreasTests
{
    [Fact]
    public void EveryTextArea_IsBoundToAFieldThatAcceptsLineBreaks()
    {
        var pages = Path.Combine(SourceTree.Root(), "src", "MediconGlobal.Web", "Pages");
        var web = typeof(Program).Assembly;
        var found = 0;
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
        {
            var view = File.ReadAllText(file);
            var areas = TextArea().Matches(view);
            if (areas.Count == 0)
            {
                continue;
            }

            var modelName = Model().Match(view).Groups["type"].Value;
            var model = web.GetType(modelName) ?? throw new InvalidOperationException($"{file}: no type {modelName}");
            foreach (Match area in areas)
            {
                var field = Field().Match(area.Value);
                if (!field.Success)
                {
                    continue; // a read-only text area that posts nothing
                }

                found++;
                var property = Follow(model, field.Groups["path"].Value);
                if (property?.GetCustomAttribute<DataTypeAttribute>()?.DataType != DataType.MultilineText)
                {
                    offenders.Add($"{Path.GetRelativePath(pages, file)}: {field.Groups["path"].Value} ({property?.DeclaringType?.Name}.{property?.Name})");
                }
            }
        }

        Assert.True(found > 30, $"only {found} text areas found: the pattern no longer matches the views");
        Assert.True(offenders.Count == 0, "Mark these fields [DataType(DataType.MultilineText)]:\n" + string.Join("\n", offenders));
    }

    // Follows "Input.Description" from the model type; an interface's properties include those of its bases.
    private static PropertyInfo? Follow(Type type, string path)
    {
        PropertyInfo? property = null;
        foreach (var name in path.Split('.'))
        {
            property = new[] { type }.Concat(type.GetInterfaces()).Select(t => t.GetProperty(name)).FirstOrDefault(p => p is not null);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return property;
    }

    [GeneratedRegex(@"<textarea\b[^>]*>")]
    private static partial Regex TextArea();

    [GeneratedRegex(@"\b(?:asp-for|name)=""(?<path>[A-Za-z.]+)""")]
    private static partial Regex Field();

    [GeneratedRegex(@"^@model\s+(?<type>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Model();
}
