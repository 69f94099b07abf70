namespace MediconGlobal.Core.Landscape;

/// <summary>One colour class of the map legend: counts from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record ColourClass(int Index, int From, int To);

/// <summary>
/// Splits counts into at most four equal-width classes above zero (zero has a class of its own), so the map's
/// legend reads "0, 1–2, 3–4, 5–6" and every shade stands for a stated range.
/// </summary>
public sealed class ColourScale
{
    public const int MaxClasses = 4;

    private readonly int _step;

    public ColourScale(int maximum)
    {
        Maximum = Math.Max(0, maximum);
        _step = Math.Max(1, (int)Math.Ceiling(Maximum / (double)MaxClasses));
        var classes = new List<ColourClass> { new(0, 0, 0) };
        for (var k = 1; k <= MaxClasses && (k - 1) * _step + 1 <= Maximum; k++)
        {
            classes.Add(new ColourClass(k, (k - 1) * _step + 1, k * _step));
        }

        Classes = classes;
    }

    public int Maximum { get; }

    public IReadOnlyList<ColourClass> Classes { get; }

    public int ClassOf(int count) => count <= 0 ? 0 : Math.Min(MaxClasses, (int)Math.Ceiling(count / (double)_step));
}
