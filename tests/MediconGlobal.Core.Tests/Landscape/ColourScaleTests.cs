using MediconGlobal.Core.Landscape;

namespace MediconGlobal.Core.Tests.Landscape;

public sealed class ColourScaleTests
{
    [Fact]
    public void SmallMaximum_GivesOneClassPerCount()
    {
        var scale = new ColourScale(3);

        Assert.Equal([new(0, 0, 0), new(1, 1, 1), new(2, 2, 2), new(3, 3, 3)], scale.Classes);
        Assert.Equal(3, scale.ClassOf(3));
    }

    [Fact]
    public void LargerMaximum_SplitsIntoFourEqualRanges()
    {
        var scale = new ColourScale(10);

        Assert.Equal([new(0, 0, 0), new(1, 1, 3), new(2, 4, 6), new(3, 7, 9), new(4, 10, 12)], scale.Classes);
        Assert.Equal(0, scale.ClassOf(0));
        Assert.Equal(1, scale.ClassOf(3));
        Assert.Equal(2, scale.ClassOf(4));
        Assert.Equal(4, scale.ClassOf(10));
    }

    [Fact]
    public void NothingCounted_HasOnlyTheZeroClass()
    {
        var scale = new ColourScale(0);

        Assert.Equal([new(0, 0, 0)], scale.Classes);
        Assert.Equal(0, scale.ClassOf(0));
    }
}
